import { useEffect, useRef, useState } from 'react';
import type { ArchiveInfo, Bookmark, FolioApi, SectionView } from '../../main/api/contract';
import type { Passage } from '../../main/model/archive';
import type { BookmarkActions } from './App';
import { Highlighted } from './Highlighted';
import { hrefFor, passageHref, type Route } from './route';

type ReaderRoute = Extract<Route, { view: 'section' } | { view: 'passage' }>;

export function Reader({
  api,
  info,
  route,
  actions,
  onReadingPosition,
}: {
  api: FolioApi;
  info: ArchiveInfo;
  route: ReaderRoute;
  actions: BookmarkActions;
  onReadingPosition(passageId: string): void;
}) {
  const [view, setView] = useState<SectionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const articleRef = useRef<HTMLElement>(null);

  const targetId = route.view === 'passage' ? route.passageId : null;
  const highlights = route.view === 'passage' ? route.highlights : [];

  // Load the section (for a passage: its section first).
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        let sectionId: string;
        if (route.view === 'section') sectionId = route.sectionId;
        else sectionId = (await api.call('archive.passage', { passageId: route.passageId })).section.id;
        if (view?.section.id === sectionId) return;
        const next = await api.call('archive.section', { sectionId });
        if (!cancelled) {
          setView(next);
          setError(null);
        }
      } catch (err) {
        if (!cancelled) setError((err as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, route.view === 'section' ? route.sectionId : route.passageId]);

  // Scroll to (and focus) the target passage once it is on the page; else to the top of the section.
  useEffect(() => {
    if (!view) return;
    if (targetId) {
      const el = document.getElementById(`p-${targetId}`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
      }
    } else {
      window.scrollTo(0, 0);
      articleRef.current?.querySelector('h1')?.focus({ preventScroll: true });
    }
  }, [view, targetId, route]);

  // Remember the passage at the top of the viewport as the reading position.
  useEffect(() => {
    if (!view || !('IntersectionObserver' in window)) return;
    let timer = 0;
    const visible = new Map<string, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset.passageId;
          if (!id) continue;
          if (e.isIntersecting) visible.set(id, Number((e.target as HTMLElement).dataset.ordinal));
          else visible.delete(id);
        }
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          let best: [string, number] | null = null;
          for (const entry of visible) if (!best || entry[1] < best[1]) best = entry;
          if (best) onReadingPosition(best[0]);
        }, 700);
      },
      { rootMargin: '-80px 0px -50% 0px' },
    );
    articleRef.current?.querySelectorAll<HTMLElement>('[data-passage-id]').forEach((el) => observer.observe(el));
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [view, onReadingPosition]);

  if (error) {
    return (
      <section className="notice error" aria-labelledby="reader-error">
        <h1 id="reader-error">Not found</h1>
        <p>{error}</p>
        <p>
          <a href="#/">Back to the contents</a>
        </p>
      </section>
    );
  }
  if (!view) {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }

  const { section, passages } = view;
  const first = passages[0];
  const titleFromHeading = !!first && first.kind === 'heading' && first.text.trim() === section.title.trim();
  return (
    <div className="reader">
      <nav className="toc-side" aria-label="Sections">
        <p className="toc-side-title" aria-hidden="true">
          Contents
        </p>
        <ol>
          {info.sections.map((s) => (
            <li key={s.id}>
              <a
                href={hrefFor({ view: 'section', sectionId: s.id })}
                aria-current={s.id === section.id ? 'page' : undefined}
              >
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article ref={articleRef} className="reading" aria-labelledby="section-title">
        <p className="eyebrow">
          Section {section.ordinal + 1} of {info.sections.length}
        </p>
        {!titleFromHeading && (
          <h1 id="section-title" tabIndex={-1}>
            {section.title}
          </h1>
        )}
        {passages.map((p, i) => (
          <PassageBlock
            key={p.id}
            api={api}
            passage={p}
            asTitle={titleFromHeading && i === 0}
            highlights={p.id === targetId ? highlights : []}
            target={p.id === targetId}
            bookmark={actions.bookmarks.get(p.id)}
            actions={actions}
          />
        ))}
        <nav className="pager" aria-label="Previous and next section">
          {view.previous ? (
            <a rel="prev" href={hrefFor({ view: 'section', sectionId: view.previous.id })}>
              <span className="pager-label">Previous</span> {view.previous.title}
            </a>
          ) : (
            <span />
          )}
          {view.next && (
            <a rel="next" href={hrefFor({ view: 'section', sectionId: view.next.id })}>
              <span className="pager-label">Next</span> {view.next.title}
            </a>
          )}
        </nav>
      </article>
    </div>
  );
}

function headingTag(level: number | null, asTitle: boolean): 'h1' | 'h2' | 'h3' | 'h4' {
  if (asTitle) return 'h1';
  if (!level || level <= 2) return 'h2';
  return level === 3 ? 'h3' : 'h4';
}

export function excerpt(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max).trimEnd()}…` : clean;
}

function PassageBlock({
  api,
  passage: p,
  asTitle,
  highlights,
  target,
  bookmark,
  actions,
}: {
  api: FolioApi;
  passage: Passage;
  asTitle: boolean;
  highlights: [number, number][];
  target: boolean;
  bookmark: Bookmark | undefined;
  actions: BookmarkActions;
}) {
  const [editing, setEditing] = useState(false);
  const marked = (text: string, offset = 0) => (
    <Highlighted text={text} offset={offset} ranges={highlights} markClass="hit" />
  );
  let body: React.ReactNode;
  if (p.kind === 'heading') {
    const Tag = headingTag(p.level, asTitle);
    body = (
      <Tag id={asTitle ? 'section-title' : undefined} tabIndex={asTitle ? -1 : undefined}>
        {marked(p.text)}
      </Tag>
    );
  } else if (p.kind === 'caption') {
    body = (
      <figure className="figure">
        {p.media?.present ? (
          <img src={api.mediaUrl(p.media.id)} alt={excerpt(p.text, 200)} loading="lazy" decoding="async" />
        ) : (
          <div
            className="placeholder"
            role="img"
            aria-label={`${p.media?.type ?? 'image'} not included in this archive`}
          >
            <span aria-hidden="true" className="placeholder-icon">
              ▢
            </span>
            <span>{mediaWord(p.media?.type)} not included in this archive</span>
          </div>
        )}
        <figcaption>{marked(p.text)}</figcaption>
      </figure>
    );
  } else if (p.kind === 'media') {
    const title = p.title && p.text.startsWith(p.title) ? p.title : null;
    const rest = title ? p.text.slice(title.length) : p.text;
    const restOffset = title ? title.length + (rest.length - rest.trimStart().length) : 0;
    body = (
      <section className="media-card" aria-label={title ?? 'Media'}>
        <p className="media-kind">
          <span className={`badge kind-media`}>{mediaWord(p.media?.type)}</span>
        </p>
        {title && <h3 className="media-title">{marked(title)}</h3>}
        {p.media?.present ? (
          p.media.type === 'audio' ? (
            <audio controls preload="metadata" src={api.mediaUrl(p.media.id)} />
          ) : p.media.type === 'video' ? (
            <video controls preload="metadata" src={api.mediaUrl(p.media.id)} />
          ) : (
            <img src={api.mediaUrl(p.media.id)} alt={title ?? excerpt(p.text, 200)} loading="lazy" />
          )
        ) : (
          <div className="placeholder">
            <span aria-hidden="true" className="placeholder-icon">
              {p.media?.type === 'audio' ? '♪' : '▶'}
            </span>
            <span>{mediaWord(p.media?.type)} not included in this archive</span>
          </div>
        )}
        {rest.trim() && <p className="media-description">{marked(rest.trim(), restOffset)}</p>}
      </section>
    );
  } else {
    body = <p>{marked(p.text)}</p>;
  }

  const name = excerpt(p.title ?? p.text);
  return (
    <div
      id={`p-${p.id}`}
      className={`passage passage-${p.kind}${target ? ' target' : ''}${bookmark ? ' bookmarked' : ''}`}
      data-passage-id={p.id}
      data-ordinal={p.ordinal}
      tabIndex={-1}
    >
      <div className="passage-body">{body}</div>
      <div className="passage-tools">
        <button
          type="button"
          className="bookmark-toggle"
          aria-pressed={!!bookmark}
          aria-label={`Bookmark: ${name}`}
          title={bookmark ? 'Remove bookmark' : 'Bookmark this passage'}
          onClick={() => void actions.toggle(p.id)}
        >
          <svg viewBox="0 0 16 20" aria-hidden="true">
            <path d="M2 1.5h12v17l-6-4.5-6 4.5z" />
          </svg>
        </button>
        <a
          className="passage-link"
          href={passageHref(p.id)}
          aria-label={`Link to this passage: ${name}`}
          title="Link to this passage"
        >
          #
        </a>
        {bookmark && (
          <button
            type="button"
            className="note-toggle"
            aria-expanded={editing}
            aria-label={`${bookmark.note ? 'Edit note' : 'Add note'}: ${name}`}
            onClick={() => setEditing((v) => !v)}
          >
            ✎
          </button>
        )}
      </div>
      {bookmark && !editing && bookmark.note && <p className="passage-note">{bookmark.note}</p>}
      {bookmark && editing && (
        <NoteEditor
          initial={bookmark.note}
          label={`Note for “${name}”`}
          onCancel={() => setEditing(false)}
          onSave={async (note) => {
            await actions.saveNote(p.id, note);
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}

export function mediaWord(type: string | undefined): string {
  return type === 'video' ? 'Video' : type === 'audio' ? 'Audio' : 'Image';
}

export function NoteEditor({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: string;
  label: string;
  onSave(note: string): Promise<void>;
  onCancel(): void;
}) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void onSave(text).finally(() => setSaving(false));
      }}
    >
      <label>
        <span className="note-label">{label}</span>
        <textarea
          ref={ref}
          value={text}
          maxLength={10_000}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            }
          }}
        />
      </label>
      <div className="note-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save note
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
