// How many characters are left in a field with a limit, shown under it all the time; read out by
// screen readers only near the limit and beyond it, so typing is not talked over.
export function CharacterCount({ id, value, max }: { id: string; value: string; max: number }) {
  const left = max - value.length;
  const near = left <= Math.max(10, Math.floor(max / 5));
  const text =
    left >= 0 ? `U kunt nog ${left} ${left === 1 ? 'teken' : 'tekens'} typen.` : `U heeft ${-left} ${left === -1 ? 'teken' : 'tekens'} te veel. Maak de tekst korter.`;
  return (
    <>
      <p id={id} className={left < 0 ? 'kt-char-count kt-char-count--over' : 'kt-char-count'} aria-hidden="true">
        {text}
      </p>
      <span className="kt-visually-hidden" aria-live="polite">
        {near ? text : ''}
      </span>
    </>
  );
}
