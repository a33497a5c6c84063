/** "Did you mean: …": the archive's spelling of a misspelt query, as a link in the sentence that searches it. */
import { useTranslation } from 'react-i18next';
import './DidYouMean.css';

export function DidYouMean({
  suggestion,
  onTake,
  className,
  lang,
}: {
  suggestion: string;
  onTake: (corrected: string) => void;
  /** Where it stands: its margins and the size of its target are the place's own. */
  className: string;
  /** The archive's language, which the suggestion is written in. */
  lang?: string;
}) {
  const { t } = useTranslation();
  return (
    <p className={`did-you-mean ${className}`}>
      {t('searchHelp.didYouMean')}{' '}
      <button type="button" className="did-you-mean-query" lang={lang} onClick={() => onTake(suggestion)}>
        {suggestion}
      </button>
    </p>
  );
}
