// Starts the block-compressing worker from source (tests, tsx): tsx in this thread, then the worker.
import { register } from 'tsx/esm/api';

register();
await import('./block-compress-worker.ts');
