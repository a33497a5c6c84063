/** A terminal line that rewrites itself (build progress); silent when stderr is not a terminal. */
export function progressLine(): { update(text: string): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(text) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      process.stderr.write(`\r\x1b[K${text}`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}
