// Passwords that appear at the top of every published list of leaked passwords (the SecLists and
// NCSC top lists), Dutch favourites, and the longer ones that pass a length rule of 12. Compared
// in lower case; a password that is one of these with digits or symbols around it is refused too
// (see password-rules.ts). A larger list can be added with PASSWORD_DENYLIST_FILE.
export const COMMON_PASSWORDS: readonly string[] = [
  // The international top
  '123456', '123456789', '12345678', '12345', '1234567', '1234567890', '123123', '111111', '000000',
  'password', 'password1', 'qwerty', 'qwerty123', 'qwertyuiop', 'abc123', 'iloveyou', '1q2w3e4r',
  '1q2w3e', '1q2w3e4r5t', 'qwe123', 'zxcvbnm', 'asdfghjkl', 'asdfgh', 'azerty', 'dragon', 'monkey',
  'letmein', 'football', 'baseball', 'soccer', 'hockey', 'basketball', 'welcome', 'admin',
  'administrator', 'login', 'master', 'sunshine', 'princess', 'shadow', 'superman', 'batman',
  'trustno1', 'starwars', 'michael', 'jennifer', 'jordan', 'harley', 'hunter', 'ranger', 'buster',
  'thomas', 'robert', 'daniel', 'andrew', 'charlie', 'jessica', 'ashley', 'michelle', 'nicole',
  'pepper', 'ginger', 'summer', 'winter', 'freedom', 'whatever', 'secret', 'cheese', 'computer',
  'internet', 'samsung', 'google', 'apple', 'matrix', 'killer', 'pokemon', 'naruto', 'liverpool',
  'chelsea', 'arsenal', 'barcelona', 'flower', 'lovely', 'loveme', 'love', 'hello', 'hello123',
  'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa55word', 'changeme', 'default', 'guest', 'test', 'test123',
  'testtest', 'root', 'toor', 'qazwsx', '1qaz2wsx', 'zaq12wsx', '!qaz2wsx', '654321', '666666',
  '777777', '888888', '987654321', '121212', '112233', '123321', '159753', '147258369', '789456123',
  'aa123456', 'a123456', 'abcd1234', 'abcdef', 'abcdefg', 'abcdefgh', 'access', 'mustang', 'maggie',
  'cookie', 'chocolate', 'butterfly', 'purple', 'orange', 'banana', 'tigger', 'angel', 'babygirl',
  'sweety', 'family', 'forever', 'friends', 'blink182', 'myspace1', 'fuckyou', 'asshole', 'zxcvbn',
  // Dutch favourites
  'wachtwoord', 'wachtwoord1', 'wachtwoord123', 'welkom', 'welkom01', 'welkom123', 'welkom2024',
  'welkom2025', 'welkom2026', 'geheim', 'geheim123', 'voetbal', 'ajax', 'ajax1900', 'feyenoord',
  'psv', 'nederland', 'holland', 'amsterdam', 'rotterdam', 'utrecht', 'denhaag', 'hallo', 'hallo123',
  'liefde', 'schatje', 'prinses', 'kabouter', 'zomer', 'winter2024', 'lente', 'herfst', 'gemeente',
  'buurtteam', 'keukentafel', 'medewerker', 'beheerder', 'inloggen', 'sociaal', 'zorg', 'zorgverlener',
  // Long ones that satisfy a length rule of 12 and still appear in every leak
  '123456789012', '1234567890123', '12345678910', '111111111111', '000000000000', '123123123123',
  'qwerty123456', 'qwertyuiop123', 'qwertyuiopasdfghjkl', 'password1234', 'password12345',
  'password123456', 'passwordpassword', 'iloveyou1234', 'letmein12345', 'welcome12345', 'welkom123456',
  'wachtwoord1234', 'wachtwoordwachtwoord', 'abcdefghijkl', 'abcdefghijklmnop', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', 'zaq12wsxcde3', '1qazxsw23edc', 'qazwsxedcrfv', 'asdfghjkl123', 'zxcvbnm12345',
  'administrator1', 'changeme1234', 'correcthorsebatterystaple', 'trustno1trustno1', 'aaaaaaaaaaaa',
];
