/** The page footer: where the archive comes from, its licence and version, and that nothing leaves the device. */
import type { Manifest } from '../../../main/model/archive';
import { strings } from '../strings';
import './Colophon.css';

export function Colophon({ manifest }: { manifest: Manifest | null }) {
  return (
    <footer className="colophon">
      {manifest && (
        <p>
          <span>{manifest.source}</span> <span aria-hidden="true">·</span> <span>{manifest.licence}</span>
          {manifest.version && (
            <>
              {' '}
              <span aria-hidden="true">·</span> <span>{strings.app.version(manifest.version)}</span>
            </>
          )}
        </p>
      )}
      <p>{strings.app.offline}</p>
    </footer>
  );
}
