/**
 * An interface sentence with a piece of the archive's text in it ("Note for “Inchon landing”"): the piece is
 * marked with the archive's language, the rest stays in the interface's.
 */
import { useContentLanguage } from './ContentLanguage';

export function ContentInText({ text, content, lang: own }: { text: string; content: string; lang?: string }) {
  const reading = useContentLanguage();
  // The archive being read, unless the piece comes from another (the library's search across archives).
  const lang = own ?? reading;
  const at = content ? text.indexOf(content) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <span lang={lang}>{content}</span>
      {text.slice(at + content.length)}
    </>
  );
}
