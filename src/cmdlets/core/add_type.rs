//! Add-Type with C# source that only declares enums (`public enum State { Off, On = 5 }`, in
//! namespaces, with `[Flags]` and an underlying type): scripts of the 5.0 era made their enums
//! so. ersim has no compiler; it reads that much C# itself and defines the enums as the
//! session's, by their full names. Any other source is refused as before (offline.rs).

use crate::engine::command::Args;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::types::EnumDef;
use crate::engine::value::{TypeKind, TypeRef, Value};
use crate::engine::{Ctx, EvalResult};

/// One enum of the source: its full name, `[Flags]`, its members in order.
#[derive(Debug, PartialEq)]
struct EnumSource {
    full_name: String,
    flags: bool,
    members: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(i128),
    Punct(char),
}

fn tokens(src: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '/' {
            chars.next();
            match chars.next()? {
                '/' => while chars.next().is_some_and(|c| c != '\n') {},
                '*' => {
                    let mut last = ' ';
                    for c in chars.by_ref() {
                        if last == '*' && c == '/' {
                            break;
                        }
                        last = c;
                    }
                }
                _ => return None,
            }
        } else if c.is_ascii_digit() {
            let mut text = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_alphanumeric()) {
                text.push(d);
                chars.next();
            }
            let lower = text.to_ascii_lowercase();
            let digits = lower.trim_end_matches(['u', 'l']);
            let n = match digits.strip_prefix("0x") {
                Some(hex) => i128::from_str_radix(hex, 16).ok()?,
                None => digits.parse().ok()?,
            };
            out.push(Tok::Num(n));
        } else if c.is_alphabetic() || c == '_' || c == '@' {
            let mut text = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_alphanumeric() || matches!(d, '_' | '.' | '@')) {
                text.push(d);
                chars.next();
            }
            out.push(Tok::Word(text.trim_start_matches('@').to_string()));
        } else if "{}[]:,=;()|-".contains(c) {
            out.push(Tok::Punct(c));
            chars.next();
        } else {
            return None;
        }
    }
    Some(out)
}

/// The range of an enum's underlying type.
fn range_of(ty: &str) -> Option<(i128, i128)> {
    Some(match ty.trim_start_matches("System.") {
        "sbyte" | "SByte" => (i8::MIN as i128, i8::MAX as i128),
        "byte" | "Byte" => (0, u8::MAX as i128),
        "short" | "Int16" => (i16::MIN as i128, i16::MAX as i128),
        "ushort" | "UInt16" => (0, u16::MAX as i128),
        "int" | "Int32" => (i32::MIN as i128, i32::MAX as i128),
        "uint" | "UInt32" => (0, u32::MAX as i128),
        "long" | "Int64" => (i64::MIN as i128, i64::MAX as i128),
        "ulong" | "UInt64" => (0, u64::MAX as i128),
        _ => return None,
    })
}

struct Reader {
    toks: Vec<Tok>,
    at: usize,
}

impl Reader {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }
    fn punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.at += 1;
            return true;
        }
        false
    }
    fn word(&mut self) -> Option<String> {
        match self.next()? {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    /// Declarations up to `}` or the end: namespaces, `using` directives, enums.
    fn declarations(&mut self, namespace: &str, out: &mut Vec<EnumSource>) -> Option<()> {
        loop {
            let mut flags = false;
            while self.punct('[') {
                let attr = self.word()?;
                flags |= matches!(attr.trim_start_matches("System.").trim_end_matches("Attribute"), "Flags");
                if self.punct('(') && !self.punct(')') {
                    return None;
                }
                if !self.punct(']') {
                    return None;
                }
            }
            match self.peek() {
                None => return Some(()),
                Some(Tok::Punct('}')) => return Some(()),
                _ => {}
            }
            let mut word = self.word()?;
            while matches!(word.as_str(), "public" | "internal") {
                word = self.word()?;
            }
            match word.as_str() {
                "using" => {
                    self.word()?;
                    if !self.punct(';') {
                        return None;
                    }
                }
                "namespace" if !flags => {
                    let name = self.word()?;
                    let full = if namespace.is_empty() { name } else { format!("{namespace}.{name}") };
                    if !self.punct('{') {
                        return None;
                    }
                    self.declarations(&full, out)?;
                    if !self.punct('}') {
                        return None;
                    }
                }
                "enum" => {
                    let name = self.word()?;
                    out.push(self.enum_body(namespace, name, flags)?);
                    self.punct(';');
                }
                _ => return None,
            }
        }
    }

    fn enum_body(&mut self, namespace: &str, name: String, flags: bool) -> Option<EnumSource> {
        let (min, max) = if self.punct(':') { range_of(&self.word()?)? } else { range_of("int")? };
        if !self.punct('{') {
            return None;
        }
        let mut members: Vec<(String, i64)> = Vec::new();
        let mut next: i128 = 0;
        while !self.punct('}') {
            let member = self.word()?;
            let value = if self.punct('=') { self.value(&members)? } else { next };
            if value < min || value > max || members.iter().any(|(m, _)| *m == member) {
                return None;
            }
            members.push((member, i64::try_from(value).ok()?));
            next = value + 1;
            if !self.punct(',') {
                if !self.punct('}') {
                    return None;
                }
                break;
            }
        }
        let full_name = if namespace.is_empty() { name } else { format!("{namespace}.{name}") };
        Some(EnumSource { full_name, flags, members })
    }

    /// A member's value: integers, earlier members and `|` of them.
    fn value(&mut self, earlier: &[(String, i64)]) -> Option<i128> {
        let mut total = 0i128;
        loop {
            let negative = self.punct('-');
            let term = match self.next()? {
                Tok::Num(n) => n,
                Tok::Word(w) => earlier.iter().find(|(m, _)| *m == w.rsplit('.').next().unwrap_or(&w)).map(|(_, v)| *v as i128)?,
                _ => return None,
            };
            total |= if negative { -term } else { term };
            if !self.punct('|') {
                return Some(total);
            }
        }
    }
}

/// The enums a C# source declares; None when it declares anything else.
fn enums_of(src: &str) -> Option<Vec<EnumSource>> {
    let mut r = Reader { toks: tokens(src)?, at: 0 };
    let mut out = Vec::new();
    r.declarations("", &mut out)?;
    (r.peek().is_none() && !out.is_empty()).then_some(out)
}

/// Defines the enums of `-TypeDefinition` when that is all the source holds; false leaves
/// the call to the refusal. The same enum added again is no error; a different one under a
/// name already taken is 5.1's TYPE_ALREADY_EXISTS.
pub(super) fn define_enums(ctx: &mut Ctx, args: &Args) -> EvalResult<bool> {
    if args.set.as_deref() != Some("FromSource") {
        return Ok(false);
    }
    let Some(enums) = args.string("TypeDefinition").and_then(|s| enums_of(&s)) else { return Ok(false) };
    let mut types = Vec::new();
    for e in enums {
        let existing = ctx.interp.types.script_enum(&e.full_name);
        let same = existing.is_some_and(|d| d.members.len() == e.members.len() && d.members.iter().zip(&e.members).all(|((n, v), (m, w))| n == m && v == w));
        let def: &'static EnumDef = match existing {
            Some(d) if same => d,
            Some(_) => {
                let mut record = ErrorRecord::new(
                    format!("Cannot add type. The type name '{}' already exists.", e.full_name),
                    "System.Exception",
                    ErrorCategory::InvalidOperation,
                    format!("TYPE_ALREADY_EXISTS,{}", ctx.command.class_name),
                )
                .with_target(&Value::str(&e.full_name));
                record.activity = ctx.command.name.clone();
                return Err(ctx.terminate(record));
            }
            None => {
                // Leaked once per definition, as a script's `enum` is (the type table holds statics).
                let members: Vec<(&'static str, i64)> = e.members.iter().map(|(n, v)| (&*Box::leak(n.clone().into_boxed_str()), *v)).collect();
                let full_name: &'static str = Box::leak(e.full_name.clone().into_boxed_str());
                Box::leak(Box::new(EnumDef { full_name, members: Box::leak(members.into_boxed_slice()) }))
            }
        };
        ctx.interp.types.add_script_enum(def, e.flags);
        types.push(def);
    }
    if args.switch("PassThru") {
        for def in types {
            ctx.emit(Value::Type(std::rc::Rc::new(TypeRef::of(TypeKind::Enum(def)))))?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_sources_are_read_and_others_refused() {
        let e = enums_of("namespace A.B { [Flags] public enum E : byte { X = 1, Y = 0x2, Z = X | Y, } }").unwrap();
        assert_eq!(e, [EnumSource { full_name: "A.B.E".into(), flags: true, members: vec![("X".into(), 1), ("Y".into(), 2), ("Z".into(), 3)] }]);
        let e = enums_of("// states\npublic enum S { Off, /* on */ On = 5, Next }").unwrap();
        assert_eq!(e[0].members, [("Off".into(), 0), ("On".into(), 5), ("Next".into(), 6)]);
        assert!(enums_of("public class C { }").is_none());
        assert!(enums_of("public enum E : byte { X = 256 }").is_none(), "out of the underlying range");
        assert!(enums_of("public enum E { X, X }").is_none());
        assert!(enums_of("public enum E { X = Foo() }").is_none());
        assert!(enums_of("").is_none());
    }
}
