//! Text in files as Windows PowerShell 5.1 on an en-US machine reads and writes it. Reading
//! looks for a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and otherwise takes the
//! bytes as Windows-1252, the ANSI code page — also when they are valid UTF-8, which 5.1
//! then shows mangled (`Ã©` for `é`); the caller is told so it can warn. Writing uses the
//! encoding a cmdlet names (`-Encoding`), each with the byte order mark .NET writes.

/// The encodings of 5.1's `-Encoding` (FileSystemCmdletProviderEncoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 LE with a BOM (`Unicode`, `String`).
    Unicode,
    BigEndianUnicode,
    /// UTF-8 with a BOM, as .NET's `Encoding.UTF8` writes it.
    Utf8,
    Utf7,
    /// UTF-32 LE with a BOM.
    Utf32,
    BigEndianUtf32,
    /// 7-bit: anything else becomes `?`.
    Ascii,
    /// Windows-1252, the ANSI code page of en-US (`Default`).
    Ansi,
    /// Code page 437, the OEM code page of en-US.
    Oem,
    /// Raw bytes (`Byte`): no text at all.
    Byte,
}

/// The `-Encoding` names 5.1 accepts, as its enumeration spells them.
pub const NAMES: &[(&str, Encoding)] = &[
    ("Unknown", Encoding::Unicode),
    ("String", Encoding::Unicode),
    ("Unicode", Encoding::Unicode),
    ("Byte", Encoding::Byte),
    ("BigEndianUnicode", Encoding::BigEndianUnicode),
    ("UTF8", Encoding::Utf8),
    ("UTF7", Encoding::Utf7),
    ("UTF32", Encoding::Utf32),
    ("Ascii", Encoding::Ascii),
    ("Default", Encoding::Ansi),
    ("Oem", Encoding::Oem),
    ("BigEndianUTF32", Encoding::BigEndianUtf32),
];

/// The encoding named `name` (case-insensitively), if 5.1 has it.
pub fn by_name(name: &str) -> Option<Encoding> {
    NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, e)| *e)
}

/// Windows-1252's characters for the bytes 0x80–0x9F (the rest of its upper half is Latin-1).
/// Its five unassigned bytes decode to the C1 controls, as .NET's decoder gives them.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š',
    '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Code page 437's characters for the bytes 0x80–0xFF.
const CP437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', 'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧',
    'ƒ', 'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜',
    '╛', '┐', '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄',
    '▌', '▐', '▀', 'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√',
    'ⁿ', '²', '■', '\u{a0}',
];

fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn cp437_char(b: u8) -> char {
    if b < 0x80 {
        char::from(b)
    } else {
        CP437_HIGH[usize::from(b - 0x80)]
    }
}

/// What reading found.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// No BOM, read as Windows-1252, though the bytes are UTF-8 holding non-ASCII text: 5.1
    /// shows such a file mangled, and a BOM would fix it.
    pub mangled_utf8: bool,
}

/// What a reader says the first time it reads a file that [`Decoded::mangled_utf8`] marks
/// (scripts, `-File`, Get-Content alike), naming the file as the script sees it.
pub fn mangled_utf8_warning(file: &str) -> String {
    format!(
        "The file '{file}' has no byte order mark and holds UTF-8 text: Windows PowerShell 5.1 reads it as Windows-1252, and so does ersim. Save it with a BOM (UTF-8 or Unicode) to keep its characters."
    )
}

fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| if big_endian { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

fn utf32(bytes: &[u8], big_endian: bool) -> String {
    bytes
        .chunks_exact(4)
        .map(|c| {
            let n = if big_endian { u32::from_be_bytes([c[0], c[1], c[2], c[3]]) } else { u32::from_le_bytes([c[0], c[1], c[2], c[3]]) };
            char::from_u32(n).unwrap_or('\u{fffd}')
        })
        .collect()
}

/// The encoding a byte order mark at the start of `bytes` names, and the mark's length.
pub fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    match bytes {
        [0xff, 0xfe, 0, 0, ..] => Some((Encoding::Utf32, 4)),
        [0, 0, 0xfe, 0xff, ..] => Some((Encoding::BigEndianUtf32, 4)),
        [0xef, 0xbb, 0xbf, ..] => Some((Encoding::Utf8, 3)),
        [0xff, 0xfe, ..] => Some((Encoding::Unicode, 2)),
        [0xfe, 0xff, ..] => Some((Encoding::BigEndianUnicode, 2)),
        _ => None,
    }
}

/// Reads text as 5.1 does when no encoding is named: by its BOM, else as Windows-1252.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, len)) = bom(bytes) {
        return Decoded { text: decode_with(&bytes[len..], enc), mangled_utf8: false };
    }
    let mangled_utf8 = !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok();
    Decoded { text: decode_with(bytes, Encoding::Ansi), mangled_utf8 }
}

/// Reads text in a named encoding; a BOM of that encoding is skipped. (`Byte` is no text:
/// its bytes are taken as Latin-1 characters.)
pub fn decode_named(bytes: &[u8], enc: Encoding) -> String {
    match bom(bytes) {
        Some((found, len)) if found == enc => decode_with(&bytes[len..], enc),
        _ => decode_with(bytes, enc),
    }
}

fn decode_with(bytes: &[u8], enc: Encoding) -> String {
    match enc {
        Encoding::Unicode => utf16(bytes, false),
        Encoding::BigEndianUnicode => utf16(bytes, true),
        Encoding::Utf32 => utf32(bytes, false),
        Encoding::BigEndianUtf32 => utf32(bytes, true),
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Utf7 => utf7_decode(bytes),
        Encoding::Ascii => bytes.iter().map(|&b| if b < 0x80 { char::from(b) } else { '?' }).collect(),
        Encoding::Ansi => bytes.iter().map(|&b| cp1252_char(b)).collect(),
        Encoding::Oem => bytes.iter().map(|&b| cp437_char(b)).collect(),
        Encoding::Byte => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The byte order mark .NET's encoder writes before text in `enc` (none for the code pages).
pub fn preamble(enc: Encoding) -> &'static [u8] {
    match enc {
        Encoding::Unicode => &[0xff, 0xfe],
        Encoding::BigEndianUnicode => &[0xfe, 0xff],
        Encoding::Utf32 => &[0xff, 0xfe, 0, 0],
        Encoding::BigEndianUtf32 => &[0, 0, 0xfe, 0xff],
        Encoding::Utf8 => &[0xef, 0xbb, 0xbf],
        _ => &[],
    }
}

/// `text` in `enc` with its byte order mark first, as a new file gets it.
pub fn encode(text: &str, enc: Encoding) -> Vec<u8> {
    let mut out = preamble(enc).to_vec();
    out.extend(encode_body(text, enc));
    out
}

/// `text` in `enc` without a BOM, as text appended to a file that has content is written.
/// A character the code page lacks becomes `?`, as .NET's replacement fallback writes it.
pub fn encode_body(text: &str, enc: Encoding) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    match enc {
        Encoding::Unicode => text.encode_utf16().for_each(|u| out.extend(u.to_le_bytes())),
        Encoding::BigEndianUnicode => text.encode_utf16().for_each(|u| out.extend(u.to_be_bytes())),
        Encoding::Utf32 => text.chars().for_each(|c| out.extend((c as u32).to_le_bytes())),
        Encoding::BigEndianUtf32 => text.chars().for_each(|c| out.extend((c as u32).to_be_bytes())),
        Encoding::Utf8 => out.extend(text.as_bytes()),
        Encoding::Utf7 => out.extend(utf7_encode(text)),
        Encoding::Ascii => out.extend(text.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' })),
        Encoding::Ansi => out.extend(text.chars().map(|c| single_byte(c, cp1252_char))),
        Encoding::Oem => out.extend(text.chars().map(|c| single_byte(c, cp437_char))),
        Encoding::Byte => out.extend(text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))),
    }
    out
}

fn single_byte(c: char, table: fn(u8) -> char) -> u8 {
    if c.is_ascii() {
        return c as u8;
    }
    (0x80..=0xffu8).find(|&b| table(b) == c).unwrap_or(b'?')
}

/// UTF-7's characters written as themselves (RFC 2152's set D, space and the line breaks;
/// .NET leaves the optional set O encoded).
fn utf7_direct(c: char) -> bool {
    c.is_ascii_alphanumeric() || "'(),-./:? \t\r\n".contains(c)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn utf7_encode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut units: Vec<u16> = Vec::new();
    let flush = |units: &mut Vec<u16>, out: &mut Vec<u8>, next: Option<char>| {
        if units.is_empty() {
            return;
        }
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push(b'+');
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            let sextets = (chunk.len() * 8).div_ceil(6);
            out.extend((0..sextets).map(|i| BASE64[((n >> (18 - 6 * i)) & 63) as usize]));
        }
        // A `-` ends the run when the next character could be read as base64 (or is `-`).
        if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '-') {
            out.push(b'-');
        }
        units.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '+' && units.is_empty() {
            out.extend(b"+-");
        } else if utf7_direct(c) {
            flush(&mut units, &mut out, Some(c));
            out.push(c as u8);
        } else {
            let mut buf = [0u16; 2];
            units.extend_from_slice(c.encode_utf16(&mut buf));
            if i + 1 == chars.len() {
                flush(&mut units, &mut out, None);
            }
        }
    }
    flush(&mut units, &mut out, None);
    out
}

fn utf7_decode(bytes: &[u8]) -> String {
    let mut units: Vec<u16> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if b != b'+' {
            units.push(u16::from(b));
            continue;
        }
        if bytes.get(i) == Some(&b'-') {
            units.push(u16::from(b'+'));
            i += 1;
            continue;
        }
        let (mut acc, mut bits, mut high) = (0u32, 0u32, Vec::new());
        while let Some(v) = bytes.get(i).and_then(|c| BASE64.iter().position(|x| x == c)) {
            acc = (acc << 6) | v as u32;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                high.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
            i += 1;
        }
        units.extend(high.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])));
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
    }
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_names_the_encoding_and_ansi_is_the_rest() {
        for enc in [Encoding::Unicode, Encoding::BigEndianUnicode, Encoding::Utf8, Encoding::Utf32, Encoding::BigEndianUtf32] {
            assert_eq!(decode(&encode("Zürich €", enc)), Decoded { text: "Zürich €".into(), mangled_utf8: false }, "{enc:?}");
        }
        assert_eq!(decode(&[0x5a, 0xfc, 0x80]), Decoded { text: "Zü€".into(), mangled_utf8: false });
        assert_eq!(decode("é".as_bytes()), Decoded { text: "Ã©".into(), mangled_utf8: true });
        assert_eq!(decode(b"plain"), Decoded { text: "plain".into(), mangled_utf8: false });
    }

    #[test]
    fn code_pages_write_what_they_have_and_a_question_mark_for_the_rest() {
        assert_eq!(encode("é€✓", Encoding::Ansi), [0xe9, 0x80, b'?']);
        assert_eq!(encode("é", Encoding::Ascii), b"?");
        assert_eq!(encode("é░", Encoding::Oem), [0x82, 0xb0]);
        assert_eq!(decode_named(&[0x82, 0xb0], Encoding::Oem), "é░");
        assert_eq!(encode("A", Encoding::Unicode), [0xff, 0xfe, b'A', 0]);
    }

    #[test]
    fn utf7_round_trips_and_matches_rfc_2152() {
        assert_eq!(encode("Hi Mom -☺-", Encoding::Utf7), b"Hi Mom -+Jjo--".to_vec());
        assert_eq!(encode("1 + 1", Encoding::Utf7), b"1 +- 1".to_vec());
        for text in ["Hi Mom -☺-!", "日本語", "a+b", "€x"] {
            assert_eq!(decode_named(&encode(text, Encoding::Utf7), Encoding::Utf7), text);
        }
    }

    #[test]
    fn names_are_5_1s() {
        assert_eq!(by_name("utf8"), Some(Encoding::Utf8));
        assert_eq!(by_name("OEM"), Some(Encoding::Oem));
        assert_eq!(by_name("Latin1"), None);
    }
}
