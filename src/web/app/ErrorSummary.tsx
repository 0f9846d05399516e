// The error summary at the top of a form: takes focus after a failed submit and links each
// message to its field.
import { useEffect, useRef } from 'react';
import { Alert, Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { FormErrors } from './form-errors';

export function ErrorSummary({ form, onReload }: { form: FormErrors; onReload?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const { errors, general, attempt, conflict } = form;
  const visible = errors.length > 0 || !!general;

  useEffect(() => {
    if (visible && attempt > 0) ref.current?.focus();
  }, [attempt, visible]);

  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kt-error-summary" aria-labelledby={`${form.formId}-summary-title`}>
      <Alert type="error">
        <Heading2 id={`${form.formId}-summary-title`} className="kt-error-summary__title">
          {conflict ? 'Gegevens zijn intussen gewijzigd' : 'Controleer de invoer'}
        </Heading2>
        {general && <Paragraph>{general}</Paragraph>}
        {errors.length > 0 && (
          <UnorderedList>
            {errors.map((error) => (
              <UnorderedListItem key={`${error.path}:${error.message}`}>
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`#${form.idFor(error.path)}`}
                  onClick={(event) => {
                    const target = document.getElementById(form.idFor(error.path));
                    if (target) {
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: 'center' });
                    }
                  }}
                >
                  {error.message}
                </a>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {conflict && onReload && (
          <Button appearance="secondary-action-button" type="button" onClick={onReload}>
            Nieuwste gegevens laden
          </Button>
        )}
      </Alert>
    </div>
  );
}
