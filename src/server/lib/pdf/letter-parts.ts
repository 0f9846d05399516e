// The parts every letter on paper shares (pure): the recipient's address block for a window
// envelope, and text lines that leave out what is empty. The decision letter (maatwerk) and the
// letters from a template (letters) both use them.

/** Where a letter goes: the person and their postal address, parts of it possibly unknown. */
export interface LetterRecipient {
  name: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
}

/** The parts that hold text, one per line. */
export const lines = (...parts: (string | null | undefined | false)[]) => parts.filter((p): p is string => Boolean(p && p.trim())).join('\n');

/** Name, street and number, postcode and place: three lines at most. */
export function addressBlock(recipient: LetterRecipient): string {
  const street = [recipient.street, recipient.houseNumber].filter(Boolean).join(' ');
  const place = [recipient.postcode, recipient.city].filter(Boolean).join(' ');
  return lines(recipient.name, street, place);
}
