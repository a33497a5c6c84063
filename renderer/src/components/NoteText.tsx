/** A bookmark's note as the reader wrote it (line breaks kept); where it sits is up to the caller's class. */
import './NoteText.css';

export function NoteText({ note, className }: { note: string; className: string }) {
  return <p className={`note-text ${className}`}>{note}</p>;
}
