import './evidence.css';
import type { TextRunFields } from '../operations-public';

/**
 * Text the server split into runs around the search terms: highlighted runs become <mark> (which
 * screen readers can announce), and nothing is ever parsed as HTML.
 */
export function TextRuns({ runs, fallback }: { runs: readonly TextRunFields[]; fallback?: string }) {
  if (runs.length === 0) return <>{fallback ?? ''}</>;
  return (
    <>
      {runs.map((run, index) =>
        run.highlighted ? (
          <mark key={index} className="evidence-mark">
            {run.text}
          </mark>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
