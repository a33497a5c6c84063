/**
 * A command's answer written to standard output at once, with fs.writeSync. `process.stdout` is a
 * stream Node makes on first use: for a pipe (how scripts and the bench read `folio search --json`)
 * a net.Socket, whose networking modules cost a one-shot search about 3 ms to load.
 */
import { writeSync } from 'node:fs';

/** `folio search … | head` closes the pipe early: that is the reader being done, not an error. */
function readerGone(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

/** Set when part of an answer waits in process.stdout's queue: the process must not exit before it drains. */
let queued = false;

/** Whether an answer written with writeOut still waits to be written. */
export function outputQueued(): boolean {
  return queued;
}

export function writeOut(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN') return readerGone(error as NodeJS.ErrnoException);
      // A non-blocking pipe that is full: the stream waits for the reader, and the process for it.
      queued = true;
      process.stdout.on('error', readerGone);
      process.stdout.write(bytes.subarray(at));
      return;
    }
  }
}
