import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../main/api/web-policy';

describe('the renderer CSP', () => {
  it('allows no remote origin, inline script, eval or plugin', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(RENDERER_CSP).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval|wasm-unsafe/u);
  });

  it('is repeated exactly in index.html (less frame-ancestors, which a meta tag cannot carry)', () => {
    const $ = load(readFileSync(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8'));
    const meta = $('meta[http-equiv="Content-Security-Policy"]').attr('content');
    const expected = RENDERER_CSP.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });
});
