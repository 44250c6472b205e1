//! Token-level recognizers built with nom: numbers, names, variables, operators
//! and the white space and comments between them. The parser drives them over
//! its cursor; they never look further than the token they recognize.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_until, take_while, take_while1};
use nom::character::complete::{char, digit0, digit1, hex_digit1, one_of, satisfy};
use nom::combinator::{opt, recognize};
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

/// PowerShell accepts the en dash, em dash and horizontal bar wherever it accepts `-`.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

pub fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// White space inside a line (not the line break itself).
pub fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{00A0}' | '\u{000B}' | '\u{000C}' | '\u{FEFF}')
}

pub fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that end a bare word in command mode.
pub fn ends_bare_word(c: char) -> bool {
    is_blank(c) || matches!(c, '\n' | '\r' | ';' | '|' | ')' | '}' | ',' | '(' | '{' | '&')
}

/// A run of blanks, line continuations (a backtick before a line break) and comments.
/// With `newlines`, line breaks are skipped too.
pub fn trivia(input: &str, newlines: bool) -> &str {
    // Most calls find a token right away.
    match input.as_bytes().first() {
        Some(b' ' | b'\t' | b'`' | b'#' | b'<' | b'\n' | b'\r' | 0x80..) => {}
        _ => return input,
    }
    let mut rest = input;
    loop {
        let before = rest.len();
        if let Ok((r, _)) = take_while1::<_, _, nom::error::Error<&str>>(|c| is_blank(c) || (newlines && (c == '\n' || c == '\r'))).parse(rest) {
            rest = r;
        }
        if let Ok((r, _)) = line_continuation(rest) {
            rest = r;
        }
        if let Ok((r, _)) = escaped_blank(rest) {
            rest = r;
        }
        if let Ok((r, _)) = block_comment(rest) {
            rest = r;
        }
        if let Ok((r, _)) = line_comment(rest) {
            rest = r;
        }
        if rest.len() == before {
            return rest;
        }
    }
}

fn line_continuation(i: &str) -> IResult<&str, &str> {
    recognize(preceded(char('`'), alt((tag("\r\n"), tag("\n"))))).parse(i)
}

/// A backtick before blanks is blank itself, as in 5.1's tokenizer: `` a `  `` then a line
/// break ends the line (it is no continuation, the backtick escaping a space).
fn escaped_blank(i: &str) -> IResult<&str, &str> {
    recognize(preceded(char('`'), take_while1(is_blank))).parse(i)
}

fn line_comment(i: &str) -> IResult<&str, &str> {
    recognize(preceded(char('#'), take_while(|c| c != '\n' && c != '\r'))).parse(i)
}

/// `<# ... #>`; block comments do not nest. An unterminated one runs to the end.
fn block_comment(i: &str) -> IResult<&str, &str> {
    let (after_open, _) = tag("<#").parse(i)?;
    match take_until::<_, _, nom::error::Error<&str>>("#>").parse(after_open) {
        Ok((r, _)) => Ok((&r[2..], &i[..i.len() - r.len() + 2])),
        Err(_) => Ok(("", i)),
    }
}

/// A numeric literal's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Int32 when it fits, else Int64.
    Int(i64),
    /// An `l`-suffixed literal: Int64 whatever its size.
    Long(i64),
    Double(f64),
}

/// A number literal: decimal or hex, optional fraction and exponent, the `l`/`d`
/// type suffixes and the `kb`..`pb` multipliers. Returns `None` for the value when
/// the literal is out of range.
pub fn number(i: &str) -> IResult<&str, Option<Number>> {
    if let Ok((rest, hex)) = preceded(tag_no_case("0x"), hex_digit1::<_, nom::error::Error<&str>>).parse(i) {
        let (rest, long) = opt(one_of("lL")).parse(rest)?;
        let (rest, mult) = multiplier(rest)?;
        let v = u64::from_str_radix(hex, 16).ok().and_then(|v| {
            // A 32-bit hex literal with the top bit set is a negative Int32, as in .NET.
            let v = if v <= u32::MAX as u64 && long.is_none() { v as u32 as i32 as i64 } else { v as i64 };
            v.checked_mul(mult as i64)
        });
        return Ok((rest, v.map(if long.is_some() { Number::Long } else { Number::Int })));
    }
    let (rest, text) = recognize((
        alt((recognize(pair(digit1, opt(pair(char('.'), digit1)))), recognize(pair(char('.'), digit1)))),
        opt((one_of("eE"), opt(one_of("+-")), digit1)),
    ))
    .parse(i)?;
    // `1.` followed by a digit-less dot is a range (`1..5`), never a fraction. A dot that
    // ends the number (`20.;`, `20.)`) is its decimal point: 5.1's tokenizer takes the dot
    // and no digits after it as a Double.
    let (rest, text) = match rest.strip_prefix('.') {
        Some(after) if !text.contains(['.', 'e', 'E']) && after.chars().next().is_none_or(|c| c.is_whitespace() || ";,)}]|".contains(c)) => {
            (after, &i[..text.len() + 1])
        }
        _ => (rest, text),
    };
    let (rest, suffix) = opt(one_of("lLdD")).parse(rest)?;
    let (rest, mult) = multiplier(rest)?;
    let is_real = text.contains(['.', 'e', 'E']) || matches!(suffix, Some('d' | 'D'));
    let value = if matches!(suffix, Some('l' | 'L')) {
        // `1.5l` is an Int64 too, rounded as .NET converts (to even).
        text.parse::<f64>().ok().map(|v| v * mult as f64).filter(|v| v.abs() < 9.3e18).map(|v| Number::Long(v.round_ties_even() as i64))
    } else if is_real {
        text.parse::<f64>().ok().map(|v| Number::Double(v * mult as f64))
    } else {
        match text.parse::<i64>() {
            Ok(v) => match v.checked_mul(mult as i64) {
                Some(v) => Some(Number::Int(v)),
                None => Some(Number::Double(v as f64 * mult as f64)),
            },
            Err(_) => text.parse::<f64>().ok().map(|v| Number::Double(v * mult as f64)),
        }
    };
    Ok((rest, value))
}

fn multiplier(i: &str) -> IResult<&str, u64> {
    if !i.as_bytes().first().is_some_and(|b| matches!(b.to_ascii_lowercase(), b'k' | b'm' | b'g' | b't' | b'p')) {
        return Ok((i, 1));
    }
    let (rest, m) = opt(alt((tag_no_case("kb"), tag_no_case("mb"), tag_no_case("gb"), tag_no_case("tb"), tag_no_case("pb")))).parse(i)?;
    let factor = match m.map(|s| s.to_ascii_lowercase()) {
        None => 1,
        Some(s) => match s.as_str() {
            "kb" => 1 << 10,
            "mb" => 1 << 20,
            "gb" => 1 << 30,
            "tb" => 1 << 40,
            _ => 1 << 50,
        },
    };
    Ok((rest, factor))
}

/// A variable reference after its `$`: `{any name}`, `scope:name`, a plain name,
/// or one of the punctuation variables `$?`, `$$`, `$^`.
pub fn variable_name(i: &str) -> IResult<&str, (Option<String>, String)> {
    if let Ok((rest, name)) = preceded(char::<_, nom::error::Error<&str>>('{'), take_while(|c| c != '}')).parse(i) {
        let (rest, _) = char('}').parse(rest)?;
        return Ok((rest, split_scope(name)));
    }
    if let Ok((rest, c)) = one_of::<_, _, nom::error::Error<&str>>("?$^").parse(i) {
        return Ok((rest, (None, c.to_string())));
    }
    let (rest, first) = take_while1(is_ident_char).parse(i)?;
    // `$scope:name` only for real scopes and providers; `$a:` elsewhere ends the name.
    if let Ok((rest2, name)) = preceded(char::<_, nom::error::Error<&str>>(':'), take_while1(|c: char| is_ident_char(c))).parse(rest) {
        if is_scope_prefix(first) {
            return Ok((rest2, (Some(first.to_ascii_lowercase()), name.to_string())));
        }
    }
    Ok((rest, (None, first.to_string())))
}

fn split_scope(name: &str) -> (Option<String>, String) {
    match name.split_once(':') {
        Some((scope, rest)) if is_scope_prefix(scope) => (Some(scope.to_ascii_lowercase()), rest.to_string()),
        _ => (None, name.to_string()),
    }
}

pub fn is_scope_prefix(s: &str) -> bool {
    ["global", "script", "local", "private", "env", "variable", "function", "using"].iter().any(|p| p.eq_ignore_ascii_case(s))
}

/// An identifier: letters, digits and `_`.
pub fn identifier(i: &str) -> IResult<&str, &str> {
    take_while1(is_ident_char).parse(i)
}

/// A parameter token after its dash: a name that starts with a letter, `_` or `?`,
/// running until white space, a colon or a terminator.
pub fn parameter_name(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        satisfy(|c| c.is_alphabetic() || c == '_' || c == '?'),
        take_while(|c: char| !ends_bare_word(c) && c != ':' && c != '.' && c != '[' && c != '='),
    ))
    .parse(i)
}

/// The word that follows a dash in expression mode, when it names an operator.
pub fn operator_word(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphabetic()).parse(i)
}

/// Digits with an optional leading sign (used by the `-5` command-argument check).
pub fn signed_digits(i: &str) -> IResult<&str, &str> {
    recognize(pair(opt(satisfy(is_dash)), pair(digit1, digit0))).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("42 ").unwrap(), (" ", Some(Number::Int(42))));
        assert_eq!(number("1.5").unwrap(), ("", Some(Number::Double(1.5))));
        assert_eq!(number("1..5").unwrap(), ("..5", Some(Number::Int(1))));
        assert_eq!(number("20.;").unwrap(), (";", Some(Number::Double(20.0))));
        assert_eq!(number("20.").unwrap(), ("", Some(Number::Double(20.0))));
        assert_eq!(number("1.x").unwrap(), (".x", Some(Number::Int(1))));
        assert_eq!(number("0x10").unwrap(), ("", Some(Number::Int(16))));
        assert_eq!(number("0xFFFFFFFF").unwrap(), ("", Some(Number::Int(-1))));
        assert_eq!(number("2kb").unwrap(), ("", Some(Number::Int(2048))));
        assert_eq!(number("1e3").unwrap(), ("", Some(Number::Double(1000.0))));
        assert_eq!(number(".5").unwrap(), ("", Some(Number::Double(0.5))));
        assert_eq!(number("10l").unwrap(), ("", Some(Number::Long(10))));
        assert_eq!(number("0x10L").unwrap(), ("", Some(Number::Long(16))));
        assert_eq!(number("2.5mb").unwrap(), ("", Some(Number::Double(2621440.0))));
        assert_eq!(number("1kbl"), Ok(("l", Some(Number::Int(1024)))));
        assert_eq!(number("1lkb").unwrap(), ("", Some(Number::Long(1024))));
        assert!(number("abc").is_err());
    }

    #[test]
    fn variables() {
        assert_eq!(variable_name("x.y").unwrap(), (".y", (None, "x".into())));
        assert_eq!(variable_name("global:x").unwrap(), ("", (Some("global".into()), "x".into())));
        assert_eq!(variable_name("env:PATH").unwrap(), ("", (Some("env".into()), "PATH".into())));
        assert_eq!(variable_name("a:b").unwrap(), (":b", (None, "a".into())));
        assert_eq!(variable_name("{my var}").unwrap(), ("", (None, "my var".into())));
        assert_eq!(variable_name("?").unwrap(), ("", (None, "?".into())));
    }

    #[test]
    fn trivia_skips_comments_and_continuations() {
        assert_eq!(trivia("  # c\nx", false), "\nx");
        assert_eq!(trivia("  # c\nx", true), "x");
        assert_eq!(trivia(" <# a\n b #> y", false), "y");
        assert_eq!(trivia(" `\n  y", false), "y");
        assert_eq!(trivia("<# open", false), "");
    }
}
