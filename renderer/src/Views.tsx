import { useRef, useState } from 'react';
import type { ArchiveInfo, FolioApi, Settings } from '../../main/api/contract';
import type { BookmarkActions } from './App';
import { KIND_LABEL } from './Search';
import { NoteEditor } from './Reader';
import { hrefFor, passageHref } from './route';

export function Home({ info, settings }: { info: ArchiveInfo; settings: Settings }) {
  const { manifest, kindCounts } = info;
  return (
    <div className="home">
      <section className="hero" aria-labelledby="archive-title">
        <p className="eyebrow">Offline archive</p>
        <h1 id="archive-title">{manifest.title}</h1>
        <p className="lede">{manifest.description}</p>
        <dl className="counts" aria-label="Passages in this archive">
          {(['text', 'caption', 'media', 'heading'] as const).map((kind) => (
            <div key={kind} className="count-item">
              <dt>
                {kind === 'text'
                  ? 'Text passages'
                  : kind === 'caption'
                    ? 'Captions'
                    : kind === 'media'
                      ? 'Media'
                      : 'Headings'}
              </dt>
              <dd>{kindCounts[kind].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
        <p className="hero-actions">
          {info.sections[0] && (
            <a className="button primary" href={hrefFor({ view: 'section', sectionId: info.sections[0].id })}>
              Start reading
            </a>
          )}
          {settings.readingPosition && (
            <a className="button" href={passageHref(settings.readingPosition)}>
              Continue where you left off
            </a>
          )}
        </p>
      </section>
      <section className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol className="toc-list">
          {info.sections.map((s) => (
            <li key={s.id}>
              <a href={hrefFor({ view: 'section', sectionId: s.id })}>
                <span className="toc-number" aria-hidden="true">
                  {String(s.ordinal + 1).padStart(2, '0')}
                </span>
                <span className="toc-title">{s.title}</span>
                <span className="toc-count">
                  {s.passageCount} {s.passageCount === 1 ? 'passage' : 'passages'}
                </span>
              </a>
            </li>
          ))}
        </ol>
      </section>
      <section className="about" aria-labelledby="about-title">
        <h2 id="about-title">About this archive</h2>
        <dl>
          <dt>Source</dt>
          <dd>{manifest.source}</dd>
          <dt>Licence</dt>
          <dd>{manifest.licence}</dd>
          <dt>Languages</dt>
          <dd>{manifest.languages.join(', ')}</dd>
          <dt>Passages</dt>
          <dd>{info.passageCount.toLocaleString()}</dd>
        </dl>
      </section>
    </div>
  );
}

function download(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BookmarksView({
  api,
  info,
  actions,
  announce,
}: {
  api: FolioApi;
  info: ArchiveInfo;
  actions: BookmarkActions;
  announce(message: string): void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const list = [...actions.bookmarks.values()];
  const ordinal = new Map(info.sections.map((s) => [s.id, s.ordinal]));
  list.sort(
    (a, b) =>
      (a.orphaned ? 1 : 0) - (b.orphaned ? 1 : 0) ||
      (ordinal.get(a.passage?.sectionId ?? '') ?? 0) - (ordinal.get(b.passage?.sectionId ?? '') ?? 0),
  );

  const exportAs = async (format: 'json' | 'markdown'): Promise<void> => {
    try {
      const file = await api.call('bookmarks.export', { format });
      download(file.filename, file.mime, file.content);
      const text = `Exported ${list.length} bookmark(s) as ${file.filename}.`;
      setMessage(text);
      announce(text);
    } catch (error) {
      setMessage(`Export failed: ${(error as Error).message}`);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      const summary = await api.call('bookmarks.import', { content: await file.text() });
      await actions.refresh();
      const text =
        `Imported from ${file.name}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} already here` +
        (summary.rejected ? `, ${summary.rejected} skipped as invalid.` : '.');
      setMessage(text);
      announce(text);
    } catch (error) {
      setMessage(`Import failed: ${(error as Error).message}`);
    }
  };

  return (
    <section className="bookmarks" aria-labelledby="bookmarks-title">
      <h1 id="bookmarks-title">Bookmarks</h1>
      <p className="lede">
        {list.length
          ? `${list.length} ${list.length === 1 ? 'passage' : 'passages'} saved in ${info.manifest.title}.`
          : 'No bookmarks yet. Use the bookmark button beside any passage to keep it here.'}
      </p>
      <div className="toolbar" role="group" aria-label="Export and import">
        <button type="button" onClick={() => void exportAs('json')} disabled={!list.length}>
          Export JSON
        </button>
        <button type="button" onClick={() => void exportAs('markdown')} disabled={!list.length}>
          Export Markdown
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Import bookmarks from a JSON file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {message && <p className="toolbar-message">{message}</p>}
      <ol className="bookmark-list">
        {list.map((b) => (
          <li key={b.passageId} className={b.orphaned ? 'bookmark orphaned' : 'bookmark'}>
            <article aria-labelledby={`bm-${b.passageId}`}>
              <p className="bookmark-meta">
                {b.passage ? (
                  <>
                    <span className={`badge kind-${b.passage.kind}`}>{KIND_LABEL[b.passage.kind]}</span>
                    <span className="bookmark-section">{b.passage.section}</span>
                  </>
                ) : (
                  <span className="badge orphan">Orphaned</span>
                )}
                <span className="bookmark-date">
                  Saved <time dateTime={b.createdAt}>{formatDate(b.createdAt)}</time>
                </span>
              </p>
              <h2 id={`bm-${b.passageId}`} className="bookmark-excerpt">
                {b.passage
                  ? b.passage.excerpt
                  : b.savedExcerpt
                    ? `“${b.savedExcerpt}”`
                    : 'This passage is no longer in this archive'}
              </h2>
              {b.orphaned && (
                <p className="orphan-note">
                  This passage is no longer in this archive: it was updated and the passage is gone. The bookmark and
                  its note are kept; remove it when you no longer need it.
                </p>
              )}
              {editing === b.passageId ? (
                <NoteEditor
                  initial={b.note}
                  label="Note"
                  onCancel={() => setEditing(null)}
                  onSave={async (note) => {
                    await actions.saveNote(b.passageId, note);
                    setEditing(null);
                  }}
                />
              ) : (
                b.note && <p className="bookmark-note">{b.note}</p>
              )}
              <p className="bookmark-actions">
                {!b.orphaned && (
                  <a href={passageHref(b.passageId)} className="button">
                    Go to passage
                  </a>
                )}
                <button type="button" onClick={() => setEditing(editing === b.passageId ? null : b.passageId)}>
                  {b.note ? 'Edit note' : 'Add note'}
                </button>
                <button type="button" className="danger" onClick={() => void actions.remove(b.passageId)}>
                  Remove
                </button>
              </p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

export function SettingsView({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange(patch: Partial<Settings>): Promise<void>;
}) {
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <p className="lede">Remembered on this device for this archive.</p>
      <div className="setting">
        <label htmlFor="font-size">Text size</label>
        <div className="range-row">
          <input
            id="font-size"
            type="range"
            min={12}
            max={32}
            step={1}
            value={settings.fontSize}
            aria-valuetext={`${settings.fontSize} pixels`}
            onChange={(e) => void onChange({ fontSize: Number(e.target.value) })}
          />
          <output htmlFor="font-size">{settings.fontSize} px</output>
        </div>
        <p className="sample">The quick brown fox reads the archive by lamplight.</p>
      </div>
      <fieldset className="setting">
        <legend>Theme</legend>
        {(['light', 'dark', 'system'] as const).map((theme) => (
          <label key={theme} className="radio">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void onChange({ theme })}
            />
            {theme === 'system' ? 'Match the system' : theme === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      <div className="setting">
        <h2>Keyboard</h2>
        <dl className="keys">
          <dt>
            <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd>
          </dt>
          <dd>Search</dd>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
          </dt>
          <dd>Move through results and open one</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>Clear the search</dd>
        </dl>
      </div>
    </section>
  );
}
