// The documents of a case (the case page's part "Documenten") or of a client alone (the client page):
// the list (title, type, size, date, by whom, the "Gevoelig" tag; a sensitive one the user may not
// see only as withheld), the download link, a change of title or mark, delete after a confirmation,
// and the upload form. On the case page the header's action "Nieuw document" opens the form here.
import { useRef, useState } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { QueryStatus } from '../../app/QueryStatus';
import { useDisclosure, type Disclosure } from '../../app/use-disclosure';
import { sizeText } from '../../../server/modules/documents/document-types';
import { SensitivityTag, WithheldNotice } from '../journal/Sensitivity';
import { useDocuments, type DocumentItem, type DocumentTarget } from './api';
import { DocumentActions } from './DocumentActions';
import { UploadForm } from './UploadForm';
import './documents.css';

const WITHHELD = 'Afgeschermd document: alleen zichtbaar voor wie het opsloeg en de regisseur van de casus.';

export function DocumentsSection({ target, form, intro, children }: { target: DocumentTarget; /** The case header's action "Nieuw document", which opens the form here. */ form?: Disclosure; intro?: string; /** More ways to add one (a letter from a template), below the upload. */ children?: React.ReactNode }) {
  const documents = useDocuments(target);
  const own = useDisclosure('caseId' in target ? 'document-nieuw-casus' : 'document-nieuw-client');
  const disclosure = form ?? own;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const prefix = 'caseId' in target ? 'casus-documenten' : 'client-documenten';
  return (
    <section aria-labelledby={`${prefix}-title`} className="kt-section kt-documents">
      <Heading2 id={`${prefix}-title`} ref={headingRef} tabIndex={-1}>
        Documenten
      </Heading2>
      {intro && <Paragraph>{intro}</Paragraph>}
      <div role="status">{message && !disclosure.open && <Paragraph className="kt-documents__message">{message}</Paragraph>}</div>
      <QueryStatus query={documents} what="de documenten">
        {(list) => (
          <>
            {list.documents.length === 0 ? (
              <Paragraph>Er zijn nog geen documenten.</Paragraph>
            ) : (
              <ul className="kt-document-list" aria-label={'caseId' in target ? 'Documenten van deze casus' : 'Documenten van deze cliënt'}>
                {list.documents.map((doc) =>
                  doc.withheld ? (
                    <li key={doc.id} className="kt-document">
                      <WithheldNotice text={WITHHELD} />
                      <Paragraph className="kt-document__facts">
                        <DateText value={doc.uploadedAt} withTime />
                        {doc.uploadedBy && <span>door {doc.uploadedBy}</span>}
                      </Paragraph>
                    </li>
                  ) : (
                    <DocumentRow
                      key={doc.id}
                      doc={doc}
                      onDone={(text, { removed }) => {
                        setMessage(text);
                        // The row leaves the list: focus goes to the heading, not to the page body.
                        if (removed) headingRef.current?.focus();
                      }}
                    />
                  ),
                )}
              </ul>
            )}
            {list.mayUpload && (
              <div className="kt-documents__new">
                {!form && !own.open && (
                  <ButtonGroup>
                    <Button type="button" appearance="secondary-action-button" {...own.buttonProps} onClick={() => { setMessage(null); own.toggle(); }}>
                      Nieuw document
                    </Button>
                  </ButtonGroup>
                )}
                {disclosure.open && (
                  <div {...disclosure.panelProps} className="kt-subsection" role="group" aria-labelledby={`${prefix}-nieuw-heading`}>
                    <Heading3 id={`${prefix}-nieuw-heading`}>Nieuw document</Heading3>
                    <UploadForm
                      formId={`${prefix}-nieuw`}
                      target={target}
                      maxBytes={list.maxBytes}
                      onSaved={(doc) => {
                        setMessage(`Het document “${doc.title}” is opgeslagen.`);
                        disclosure.hide();
                      }}
                      onCancel={() => disclosure.hide()}
                    />
                  </div>
                )}
              </div>
            )}
          </>
        )}
      </QueryStatus>
      {children}
    </section>
  );
}

function DocumentRow({ doc, onDone }: { doc: DocumentItem; onDone: (message: string, what: { removed: boolean }) => void }) {
  return (
    <li className="kt-document">
      <div className="kt-document__main">
        <Paragraph className="kt-document__title">{doc.title}</Paragraph>
        <Paragraph className="kt-document__facts">
          <span>{doc.typeLabel}</span>
          <span>{sizeText(doc.sizeBytes)}</span>
          <span>
            <DateText value={doc.uploadedAt} withTime />
          </span>
          {doc.uploadedBy && <span>door {doc.uploadedBy}</span>}
          {doc.source === 'brief' && <span>brief uit een sjabloon</span>}
        </Paragraph>
        <SensitivityTag value={doc.sensitivity} />
      </div>
      <DocumentActions doc={doc} onDone={onDone} />
    </li>
  );
}
