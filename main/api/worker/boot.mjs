// Boots the TypeScript core worker from source (folio serve, tests): tsx in this thread, then the entry.
import { register } from 'tsx/esm/api';

register();
await import('./entry.ts');
