// Import (beheerder): take over a registration history in the exchange format. Choose a .zip or a
// folder, check it (every problem as FILE:LINE), then import it (all or nothing, idempotent).
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ApiError } from '../../app/api';
import { ErrorSummary } from '../../app/ErrorSummary';
import { ScrollTable } from '../../app/ScrollTable';
import { useFormErrors } from '../../app/form-errors';
import { formatNumber } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { queryKeys } from '../../app/query-keys';
import { uploadLimitsQuery, useImportExchange, useValidateExchange, type ImportResult } from './api';
import './exchange.css';
import { formatSize, readFolder, readZip, REQUIRED_FILES, TooLargeError, UnreadableZipError, uploadOf, type ExchangeFolder } from './read-files';

const FORM_ID = 'import';

function rowsText(count: number): string {
  return count === 1 ? '1 regel' : `${formatNumber(count)} regels`;
}

function filesText(count: number): string {
  return count === 1 ? '1 bestand' : `${formatNumber(count)} bestanden`;
}

function problemsText(result: ImportResult): string {
  const count = result.problems.length;
  if (result.truncated) return `Er zijn meer dan ${formatNumber(count)} problemen gevonden; hieronder staan de eerste ${formatNumber(count)}.`;
  return count === 1 ? 'Er is 1 probleem gevonden.' : `Er zijn ${formatNumber(count)} problemen gevonden.`;
}

function totalRows(result: ImportResult): number {
  return result.files.reduce((sum, f) => sum + f.rows, 0);
}

/** Why reading failed, for the field: our own Dutch messages, or the server's (the limit could not be fetched). */
function readErrorMessage(error: unknown): string {
  if (error instanceof UnreadableZipError || error instanceof TooLargeError || error instanceof ApiError) return error.message;
  return 'De bestanden konden niet worden gelezen. Probeer het opnieuw.';
}

/** The server's message (a 413 says the limit and that larger histories go through the command line). */
function sendErrorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Er ging iets mis. Probeer het opnieuw.';
}

export function ImportPage() {
  const form = useFormErrors(FORM_ID);
  const queryClient = useQueryClient();
  const validate = useValidateExchange();
  const runImport = useImportExchange();
  const [folder, setFolder] = useState<ExchangeFolder | null>(null);
  const [reading, setReading] = useState(false);
  const [unpacked, setUnpacked] = useState<{ done: number; total: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const zipInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);
  const importHeading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const busy = reading || validate.isPending || runImport.isPending;
  const checked = validate.data ?? null;
  const imported = runImport.data ?? null;
  const size = folder ? folder.found.reduce((sum, f) => sum + f.size, 0) : 0;

  // `webkitdirectory` is not in React's input attributes: set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  useEffect(() => {
    if (checked) checkHeading.current?.focus();
  }, [checked]);

  useEffect(() => {
    if (imported) importHeading.current?.focus();
  }, [imported]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function reset() {
    form.clear();
    validate.reset();
    runImport.reset();
    setConfirming(false);
    setFolder(null);
  }

  async function choose(kind: 'zip' | 'map', event: ChangeEvent<HTMLInputElement>) {
    const files = event.target.files;
    reset();
    // One source at a time: choosing one clears the other.
    const other = kind === 'zip' ? folderInput.current : zipInput.current;
    if (other) other.value = '';
    if (!files || files.length === 0) return;
    setReading(true);
    setUnpacked(null);
    try {
      const { maxUploadBytes } = await queryClient.fetchQuery(uploadLimitsQuery);
      const read = kind === 'zip' ? await readZip(files[0]!, maxUploadBytes, (done, total) => setUnpacked({ done, total })) : await readFolder(files, maxUploadBytes);
      setFolder(read);
      if (read.missingRequired.length > 0) {
        const where = kind === 'zip' ? `Het zip-bestand ${read.source}` : `De map ${read.source}`;
        const missing = read.missingRequired.join(' en ');
        form.show([{ path: kind, message: `${where} bevat geen ${missing}. ${REQUIRED_FILES.join(' en ')} zijn verplicht; kies een ander bestand of een andere map.` }]);
      }
    } catch (error) {
      form.show([{ path: kind, message: readErrorMessage(error) }]);
    } finally {
      setReading(false);
      setUnpacked(null);
    }
  }

  function check() {
    runImport.reset();
    setConfirming(false);
    if (!folder) {
      // A choice that could not be read keeps saying why (too large, damaged); else: choose one.
      form.show(form.errors.length > 0 ? form.errors : [{ path: 'zip', message: 'Kies een zip-bestand of een map met de CSV-bestanden' }]);
      return;
    }
    if (folder.missingRequired.length > 0) {
      form.show([{ path: folder.kind, message: `${folder.missingRequired.join(' en ')} ontbreekt: kies een ander bestand of een andere map.` }]);
      return;
    }
    form.clear();
    validate.mutate(uploadOf(folder), { onError: (error) => form.show([], sendErrorMessage(error)) });
  }

  function doImport() {
    if (!folder) return;
    // The confirmation stays (its button busy) until the result is there, so focus is not lost.
    form.clear();
    runImport.mutate(uploadOf(folder), {
      onSuccess: (result) => {
        if (result.imported) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.auth.all[0] && q.queryKey[0] !== queryKeys.reference[0] });
      },
      onError: (error) => form.show([], sendErrorMessage(error)),
    });
  }

  return (
    <>
      <PageTitle title="Import" />
      <Paragraph>
        Neem de geschiedenis van een ander registratiesysteem over in het uitwisselformaat: een map met CSV-bestanden. <code>clients.csv</code> en <code>cases.csv</code> zijn verplicht;{' '}
        <code>case_clients.csv</code>, <code>zrm.csv</code>, <code>provisions.csv</code> en <code>contacts.csv</code> mogen ontbreken. Eerst controleert Keukentafel alles; er wordt pas iets
        vastgelegd als u daarna op Importeren drukt, en dan alles of niets.
      </Paragraph>
      <form noValidate aria-labelledby="import-kies-title" className="kt-form" onSubmit={(e) => { e.preventDefault(); check(); }}>
        <ErrorSummary form={form} />
        <Fieldset className="kt-field">
          <FieldsetLegend id="import-kies-title">Wat wilt u importeren?</FieldsetLegend>
          <Paragraph>Kies óf een zip-bestand, óf een map. Andere bestanden dan die van het uitwisselformaat worden genegeerd.</Paragraph>
          <FileField id={form.idFor('zip')} label="Zip-bestand" description="Een .zip met de CSV-bestanden, ook als ze in een map in de zip staan." error={form.errorFor('zip')} inputRef={zipInput} accept=".zip,application/zip" disabled={busy} onChange={(e) => void choose('zip', e)} />
          <FileField id={form.idFor('map')} label="Map met CSV-bestanden" description="De browser vraagt of u de bestanden in de map wilt uploaden; ze gaan pas naar de server als u op Controleren drukt." error={form.errorFor('map')} inputRef={folderInput} disabled={busy} onChange={(e) => void choose('map', e)} />
        </Fieldset>
        {reading && (
          <Paragraph role="status" className="kt-loading">
            Bezig met lezen van de bestanden…
          </Paragraph>
        )}
        {reading && unpacked && unpacked.total > 0 && (
          <Paragraph className="kt-unpack-progress">
            <label htmlFor="import-uitpakken">
              Uitgepakt: {formatSize(unpacked.done)} van {formatSize(unpacked.total)}
            </label>
            <progress id="import-uitpakken" value={unpacked.done} max={unpacked.total} />
          </Paragraph>
        )}
        {folder && <FoundFiles folder={folder} />}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={validate.isPending} disabled={busy}>
            Controleren
          </Button>
        </ButtonGroup>
      </form>

      <div role="status" className="kt-import-status">
        {validate.isPending && <Paragraph className="kt-loading">Bezig met controleren van {formatSize(size)}…</Paragraph>}
        {runImport.isPending && <Paragraph className="kt-loading">Bezig met importeren… Dit kan bij een grote geschiedenis een minuut duren.</Paragraph>}
        {checked && !imported && !runImport.isPending && (
          <span className="kt-visually-hidden">{checked.valid ? `Controle klaar: alles in orde, ${rowsText(totalRows(checked))} in ${filesText(checked.files.length)}.` : `Controle klaar. ${problemsText(checked)}`}</span>
        )}
        {imported && <span className="kt-visually-hidden">{imported.imported ? 'De import is gelukt.' : `De import is niet uitgevoerd. ${problemsText(imported)}`}</span>}
      </div>

      {checked && (
        <section aria-labelledby="controle-title" className="kt-section kt-import-result">
          <Heading2 id="controle-title" ref={checkHeading} tabIndex={-1} className="kt-focus-heading">
            Resultaat van de controle
          </Heading2>
          {checked.valid ? (
            <>
              <Alert type="ok">
                <Paragraph>
                  Alles in orde: {rowsText(totalRows(checked))} in {filesText(checked.files.length)}.
                </Paragraph>
              </Alert>
              <FileResults result={checked} caption="Gecontroleerde bestanden" withCounts={false} />
              {!imported && !confirming && (
                <ButtonGroup>
                  <Button type="button" appearance="primary-action-button" disabled={busy} onClick={() => setConfirming(true)}>
                    Importeren
                  </Button>
                </ButtonGroup>
              )}
              {!imported && confirming && (
                <div className="kt-panel" role="group" aria-labelledby="bevestig-title">
                  <Heading2 id="bevestig-title" className="kt-subheading">
                    Importeren bevestigen
                  </Heading2>
                  <Paragraph>
                    U importeert {rowsText(totalRows(checked))} uit {folder?.source}. De import is idempotent: rijen worden herkend aan hun id uit het bronsysteem. Dezelfde rijen nog een keer importeren
                    verandert niets; gewijzigde rijen werken de opgeslagen gegevens bij; nieuwe rijen worden toegevoegd. Er wordt niets verwijderd.
                  </Paragraph>
                  <ButtonGroup>
                    <Button ref={confirmButton} type="button" appearance="primary-action-button" busy={runImport.isPending} disabled={busy} onClick={doImport}>
                      Ja, importeren
                    </Button>
                    <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => setConfirming(false)}>
                      Annuleren
                    </Button>
                  </ButtonGroup>
                </div>
              )}
            </>
          ) : (
            <>
              <Alert type="error">
                <Paragraph>{problemsText(checked)} Er is niets geïmporteerd. Verbeter de bestanden en kies ze opnieuw.</Paragraph>
              </Alert>
              <Problems result={checked} />
            </>
          )}
        </section>
      )}

      {imported && (
        <section aria-labelledby="import-resultaat-title" className="kt-section kt-import-result">
          <Heading2 id="import-resultaat-title" ref={importHeading} tabIndex={-1} className="kt-focus-heading">
            Resultaat van de import
          </Heading2>
          {imported.imported ? (
            <>
              <Alert type="ok">
                <Paragraph>De import is gelukt: {rowsText(totalRows(imported))} verwerkt.</Paragraph>
              </Alert>
              <FileResults result={imported} caption="Geïmporteerde rijen per bestand" withCounts />
            </>
          ) : (
            <>
              <Alert type="error">
                <Paragraph>De import is niet uitgevoerd: {problemsText(imported)} Er is niets vastgelegd.</Paragraph>
              </Alert>
              <Problems result={imported} />
            </>
          )}
        </section>
      )}
    </>
  );
}

function FileField({
  id,
  label,
  description,
  error,
  inputRef,
  accept,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  description: string;
  error?: string;
  inputRef: React.Ref<HTMLInputElement>;
  accept?: string;
  disabled: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <FormField invalid={!!error} className="kt-field">
      <div className="kt-label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      {error && (
        <FormFieldErrorMessage id={`${id}-error`}>
          <span className="kt-visually-hidden">Fout: </span>
          {error}
        </FormFieldErrorMessage>
      )}
      <input ref={inputRef} id={id} name={id} type="file" accept={accept} multiple={!accept} disabled={disabled} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="kt-file" onChange={onChange} />
    </FormField>
  );
}

function FoundFiles({ folder }: { folder: ExchangeFolder }) {
  const where = folder.kind === 'zip' ? `het zip-bestand ${folder.source}` : `de map ${folder.source}`;
  return (
    <div className="kt-found-files">
      {folder.found.length === 0 ? (
        <Paragraph>Er staan geen bestanden van het uitwisselformaat in {where}.</Paragraph>
      ) : (
        <ScrollTable caption={`Gevonden in ${where}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Bestand</TableHeaderCell>
              <TableHeaderCell scope="col">Verplicht</TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">
                Grootte
              </TableHeaderCell>
              <TableHeaderCell scope="col">Plaats</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {folder.found.map((f) => (
              <TableRow key={f.name}>
                <TableHeaderCell scope="row">{f.name}</TableHeaderCell>
                <TableCell>{REQUIRED_FILES.includes(f.name) ? 'Ja' : 'Nee'}</TableCell>
                <TableCell className="kt-num">{formatSize(f.size)}</TableCell>
                <TableCell>{f.path}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {folder.missingOptional.length > 0 && <Paragraph>Niet aanwezig (mag ontbreken): {folder.missingOptional.join(', ')}.</Paragraph>}
      {folder.duplicates.length > 0 && <Paragraph>Dubbel, niet gebruikt (het eerste exemplaar telt): {folder.duplicates.join(', ')}.</Paragraph>}
      {folder.ignored.length > 0 && (
        <Paragraph>
          Genegeerd, want geen bestand van het uitwisselformaat: {folder.ignored.slice(0, 20).join(', ')}
          {folder.ignored.length > 20 ? ` en nog ${folder.ignored.length - 20} andere` : ''}.
        </Paragraph>
      )}
    </div>
  );
}

function FileResults({ result, caption, withCounts }: { result: ImportResult; caption: string; withCounts: boolean }) {
  const sum = (key: 'rows' | 'created' | 'updated' | 'unchanged') => result.files.reduce((total, f) => total + f[key], 0);
  return (
    <ScrollTable caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Bestand</TableHeaderCell>
          <TableHeaderCell scope="col" className="kt-num">
            Regels
          </TableHeaderCell>
          {withCounts && (
            <>
              <TableHeaderCell scope="col" className="kt-num">
                Nieuw
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">
                Gewijzigd
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">
                Ongewijzigd
              </TableHeaderCell>
            </>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.files.map((f) => (
          <TableRow key={f.file}>
            <TableHeaderCell scope="row">{f.file}</TableHeaderCell>
            <TableCell className="kt-num">{formatNumber(f.rows)}</TableCell>
            {withCounts && (
              <>
                <TableCell className="kt-num">{formatNumber(f.created)}</TableCell>
                <TableCell className="kt-num">{formatNumber(f.updated)}</TableCell>
                <TableCell className="kt-num">{formatNumber(f.unchanged)}</TableCell>
              </>
            )}
          </TableRow>
        ))}
        <TableRow className="kt-import__total">
          <TableHeaderCell scope="row">Totaal</TableHeaderCell>
          <TableCell className="kt-num">{formatNumber(sum('rows'))}</TableCell>
          {withCounts && (
            <>
              <TableCell className="kt-num">{formatNumber(sum('created'))}</TableCell>
              <TableCell className="kt-num">{formatNumber(sum('updated'))}</TableCell>
              <TableCell className="kt-num">{formatNumber(sum('unchanged'))}</TableCell>
            </>
          )}
        </TableRow>
      </TableBody>
    </ScrollTable>
  );
}

function Problems({ result }: { result: ImportResult }) {
  const count = result.truncated ? `Eerste ${formatNumber(result.problems.length)} problemen` : result.problems.length === 1 ? '1 probleem' : `${formatNumber(result.problems.length)} problemen`;
  return (
    <>
      {result.truncated && <Paragraph>Alleen de eerste {formatNumber(result.problems.length)} problemen worden getoond. Verbeter deze en controleer opnieuw om de rest te zien.</Paragraph>}
      <ScrollTable caption={`${count} (bestand:regel en melding)`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Bestand:regel</TableHeaderCell>
            <TableHeaderCell scope="col">Melding</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.problems.map((p, i) => (
            <TableRow key={`${p.file}:${p.line}:${i}`}>
              <TableHeaderCell scope="row">
                <code>
                  {p.file}:{p.line}
                </code>
              </TableHeaderCell>
              <TableCell>{p.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </>
  );
}
