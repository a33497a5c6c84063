// Starts the vocabulary-encoding worker from source (tests, tsx): tsx in this thread, then the worker.
import { register } from 'tsx/esm/api';

register();
await import('./vocabulary-worker.ts');
