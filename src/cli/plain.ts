// Text from files (scenario titles, ids, seeds, replay metadata) is echoed to a terminal.
// A terminal obeys control characters, so a student's replay titled "\x1b[2J…verified"
// could clear the screen and draw a fake verdict. Everything the CLI prints passes
// through plain(), which keeps line breaks and tabs and drops every other control
// character, and the bidirectional overrides that can make text read backwards.

// C0 controls except \t and \n, DEL, C1 controls, and the Unicode bidi embedding,
// override and isolate characters (U+202A–U+202E, U+2066–U+2069).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function plain(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * The progress bar redraws its line with "\r…\x1b[K". Only a text that *starts* with the
 * carriage return is treated as such a redraw, and its inside is still made plain, so no
 * file-borne string can move the cursor: every message the CLI builds from file content
 * starts with the CLI's own words.
 */
export function plainTerminal(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress bar's own erase-line code
  const redraw = /^\r([\s\S]*?)\x1b\[K(\n?)$/.exec(text);
  if (redraw) return `\r${plain(redraw[1]!)}\x1b[K${redraw[2]}`;
  return plain(text);
}
