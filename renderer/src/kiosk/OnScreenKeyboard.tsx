/**
 * The on-screen keyboard: it opens when a text field (the search above all) gains focus and types into
 * it, so search runs as the visitor types. Every key is a button named by what it types; Shift, 한/A
 * (English QWERTY ↔ Korean 2-set), Space, Backspace, Clear and "Hide keyboard" are the kiosk's own row.
 * Pressing a key never takes the focus from the field.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { backspace, typeKey } from './hangul-typing';
import { keyRows, type KeyboardLanguage } from './keyboard-layouts';

type Field = HTMLInputElement | HTMLTextAreaElement;
const FIELD = 'input[type=search], input[type=text], input:not([type]), textarea';

/** Sets a React-controlled field's value the way typing does, so its onChange runs. */
function setFieldValue(field: Field, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function OnScreenKeyboard() {
  const [field, setField] = useState<Field | null>(null);
  const [language, setLanguage] = useState<KeyboardLanguage>('en');
  const [shifted, setShifted] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    const onFocus = (event: FocusEvent): void => {
      const target = event.target;
      if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.matches(FIELD)) {
        // The kiosk's keyboard replaces the system's.
        target.setAttribute('inputmode', 'none');
        setField(target);
      }
    };
    const onDown = (event: globalThis.PointerEvent): void => {
      const target = event.target as Node;
      if (root.current?.contains(target)) return;
      if (target instanceof Element && target.matches(FIELD)) return;
      setField(null);
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('pointerdown', onDown);
    };
  }, []);

  const edit = useCallback(
    (change: (text: string) => string) => {
      if (!field?.isConnected) return;
      setFieldValue(field, change(field.value).slice(0, field.maxLength > 0 ? field.maxLength : undefined));
      field.focus({ preventScroll: true });
    },
    [field],
  );

  if (!field?.isConnected) return null;
  // Keep the focus in the field: a press on the keyboard is not a move of focus.
  const keepFocus = (event: PointerEvent): void => event.preventDefault();
  const type = (key: string): void => {
    edit((text) => typeKey(text, key));
    if (shifted) setShifted(false);
  };

  return (
    <div
      ref={root}
      role="region"
      aria-label={t('kiosk.keyboard.region')}
      className="osk"
      lang={language === 'ko' ? 'ko' : 'en'}
      onPointerDown={keepFocus}
    >
      {keyRows(language, shifted).map((row, r) => (
        <div key={r} className="osk-row">
          {row.map((key) => (
            <button key={key} type="button" className="osk-key" onClick={() => type(key)}>
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        <button type="button" className="osk-key osk-wide" aria-pressed={shifted} onClick={() => setShifted((s) => !s)}>
          {t('kiosk.keyboard.shift')}
        </button>
        <button
          type="button"
          className="osk-key osk-wide"
          lang="ko"
          aria-describedby="osk-language"
          onClick={() => {
            setLanguage((l) => (l === 'en' ? 'ko' : 'en'));
            setShifted(false);
          }}
        >
          {t('kiosk.keyboard.languageKey')}
        </button>
        <span id="osk-language" className="osk-language" lang={language}>
          {t(`kiosk.keyboard.language.${language}`)}
        </span>
        <button type="button" className="osk-key osk-space" onClick={() => edit((text) => `${text} `)}>
          {t('kiosk.keyboard.space')}
        </button>
        <button type="button" className="osk-key osk-wide" onClick={() => edit(backspace)}>
          {t('kiosk.keyboard.backspace')}
        </button>
        <button type="button" className="osk-key osk-wide" onClick={() => edit(() => '')}>
          {t('kiosk.keyboard.clear')}
        </button>
        <button type="button" className="osk-key osk-wide" onClick={() => setField(null)}>
          {t('kiosk.keyboard.hide')}
        </button>
      </div>
    </div>
  );
}
