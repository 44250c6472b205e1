//! `System.Security.SecureString`, `PSCredential`, `System.Net.NetworkCredential`, and the
//! `Marshal` functions scripts use to read a secure string back (`SecureStringToBSTR` and
//! `PtrToStringAuto`). A secure string never prints its text: its ToString is its type name.
//!
//! The two ways 5.1 exports one (ConvertFrom-SecureString) are kept: with `-Key`, AES in CBC
//! mode with PKCS7 padding exactly as SecureStringHelper does it, so a string ersim writes
//! decrypts in Windows PowerShell with the same key; without a key, 5.1 calls DPAPI, which
//! only the same Windows user can undo — the lab stands in with a blob of DPAPI's shape whose
//! payload is AES under a key of the lab user's own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use aes::cipher::{block_padding::Pkcs7, BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};

use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{Native, PsObject, TypeKind, TypeRef, Value};

pub const SECURE_STRING: &str = "System.Security.SecureString";
pub const PS_CREDENTIAL: &str = "System.Management.Automation.PSCredential";
pub const NETWORK_CREDENTIAL: &str = "System.Net.NetworkCredential";

/// The text of a SecureString, and whether MakeReadOnly was called.
#[derive(Debug, Default)]
pub struct SecureText {
    pub chars: Vec<char>,
    pub read_only: bool,
}

pub fn secure_value(text: &str) -> Value {
    Value::Native(Rc::new(Native::SecureString(RefCell::new(SecureText { chars: text.chars().collect(), read_only: false }))))
}

/// The text of a SecureString value; None for anything else.
pub fn plain_text(v: &Value) -> Option<String> {
    match v {
        Value::Native(n) => match &**n {
            Native::SecureString(s) => Some(s.borrow().chars.iter().collect()),
            _ => None,
        },
        _ => None,
    }
}

pub fn is_secure(v: &Value) -> bool {
    plain_text(v).is_some()
}

pub fn property(s: &RefCell<SecureText>, lower: &str) -> Option<Value> {
    match lower {
        "length" => Some(Value::Int(s.borrow().chars.len() as i32)),
        _ => None,
    }
}

/// SecureString's methods; a read-only one refuses changes as .NET does.
pub fn method(s: &RefCell<SecureText>, lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let index = |i: usize| args.get(i).and_then(crate::engine::convert::to_num).map(|n| n.as_f64() as i64);
    let ch = |i: usize| args.get(i).map(to_string).and_then(|t| t.chars().next());
    let changes = matches!(lower, "appendchar" | "clear" | "insertat" | "removeat" | "setat");
    if changes && s.borrow().read_only {
        return Some(Err(super::method_error(name, args, "Instance is read-only.", "InvalidOperationException")));
    }
    let out_of_range = || {
        super::method_error(
            name,
            args,
            "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index",
            "ArgumentOutOfRangeException",
        )
    };
    let mut t = s.borrow_mut();
    Some(match (lower, args.len()) {
        ("appendchar", 1) => {
            t.chars.extend(ch(0));
            Ok(Value::Null)
        }
        ("clear", 0) | ("dispose", 0) => {
            t.chars.clear();
            Ok(Value::Null)
        }
        ("makereadonly", 0) => {
            t.read_only = true;
            Ok(Value::Null)
        }
        ("isreadonly", 0) => Ok(Value::Bool(t.read_only)),
        ("copy", 0) => Ok(Value::Native(Rc::new(Native::SecureString(RefCell::new(SecureText { chars: t.chars.clone(), read_only: false }))))),
        ("insertat", 2) => match (index(0), ch(1)) {
            (Some(i), Some(c)) if i >= 0 && (i as usize) <= t.chars.len() => {
                t.chars.insert(i as usize, c);
                Ok(Value::Null)
            }
            _ => Err(out_of_range()),
        },
        ("removeat", 1) => match index(0) {
            Some(i) if i >= 0 && (i as usize) < t.chars.len() => {
                t.chars.remove(i as usize);
                Ok(Value::Null)
            }
            _ => Err(out_of_range()),
        },
        ("setat", 2) => match (index(0), ch(1)) {
            (Some(i), Some(c)) if i >= 0 && (i as usize) < t.chars.len() => {
                t.chars[i as usize] = c;
                Ok(Value::Null)
            }
            _ => Err(out_of_range()),
        },
        _ => return None,
    })
}

/// A PSCredential: UserName and Password (a SecureString), in 5.1's property order.
pub fn credential(user: &str, password: Value) -> Value {
    let mut o = PsObject::typed(PS_CREDENTIAL);
    o.add_typed("UserName", "string", Value::str(user));
    o.add_typed("Password", "securestring", password);
    Value::object(o)
}

/// A NetworkCredential, as `GetNetworkCredential()` gives it: `DOMAIN\user` is split into
/// Domain and UserName; any other name is the UserName with no domain.
pub fn network_credential(user: &str, password: &str, domain: Option<&str>) -> Value {
    let (domain, user) = match (domain, user.split_once('\\')) {
        (Some(d), _) => (d.to_string(), user.to_string()),
        (None, Some((d, u))) => (d.to_string(), u.to_string()),
        (None, None) => (String::new(), user.to_string()),
    };
    let mut o = PsObject::typed(NETWORK_CREDENTIAL);
    o.add_typed("UserName", "string", Value::str(user));
    o.add_typed("Password", "string", Value::str(password));
    o.add_typed("SecurePassword", "securestring", secure_value(password));
    o.add_typed("Domain", "string", Value::str(domain));
    Value::object(o)
}

fn is_credential(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| t == PS_CREDENTIAL))
}

/// `$cred.GetNetworkCredential()`; None when the target is no PSCredential or the method
/// is another.
pub fn credential_method(target: &Value, lower: &str) -> Option<Value> {
    if lower != "getnetworkcredential" || !is_credential(target) {
        return None;
    }
    let Value::Object(o) = target else { return None };
    let o = o.borrow();
    let user = o.get("UserName").map(to_string).unwrap_or_default();
    let password = o.get("Password").and_then(plain_text).unwrap_or_default();
    Some(network_credential(&user, &password, None))
}

fn no_overload(name: &str, n: usize) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find an overload for \"{name}\" and the argument count: \"{n}\"."),
        "System.Management.Automation.MethodException",
        ErrorCategory::NotSpecified,
        "ConstructorInvokedThrowException",
    )
}

/// `[pscredential]::new(user, secure)`, `New-Object PSCredential`, `[securestring]::new()`,
/// `[System.Net.NetworkCredential]::new(user, password[, domain])`.
pub fn construct(ty: &TypeRef, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    if ty.is_array {
        return None;
    }
    Some(match ty.kind {
        TypeKind::SecureString if args.is_empty() => Ok(secure_value("")),
        TypeKind::SecureString => Err(no_overload("SecureString", args.len())),
        TypeKind::PSCredential => match args {
            [user, password] if is_secure(password) => Ok(credential(&to_string(user), password.clone())),
            _ => Err(no_overload("PSCredential", args.len())),
        },
        TypeKind::NetworkCredential => match args {
            [] => Ok(network_credential("", "", Some(""))),
            [user, password] => Ok(network_credential(&to_string(user), &plain_text(password).unwrap_or_else(|| to_string(password)), Some(""))),
            [user, password, domain] => {
                Ok(network_credential(&to_string(user), &plain_text(password).unwrap_or_else(|| to_string(password)), Some(&to_string(domain))))
            }
            _ => Err(no_overload("NetworkCredential", args.len())),
        },
        _ => return None,
    })
}

/// `[pscredential]::Empty`.
pub fn static_property(kind: TypeKind, lower: &str) -> Option<Value> {
    match (kind, lower) {
        (TypeKind::PSCredential, "empty") => Some(credential("", Value::Null)),
        _ => None,
    }
}

/// Unmanaged memory Marshal hands out: each pointer's text until it is freed.
#[derive(Default)]
pub struct Unmanaged {
    next: i64,
    blocks: HashMap<i64, String>,
}

impl Unmanaged {
    fn alloc(&mut self, text: String) -> i64 {
        // Addresses as a 64-bit process shows them; each block on its own 16-byte line.
        if self.next == 0 {
            self.next = 2_199_023_255_552 + 0x3_f7a0;
        }
        let p = self.next;
        self.next += ((text.len() as i64 * 2 + 31) / 16) * 16;
        self.blocks.insert(p, text);
        p
    }
}

/// `[System.Runtime.InteropServices.Marshal]`'s string functions over `memory`.
pub fn marshal(memory: &RefCell<Unmanaged>, lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let pointer = |i: usize| match args.get(i) {
        Some(Value::Long(p)) => Some(*p),
        Some(Value::Int(p)) => Some(i64::from(*p)),
        _ => None,
    };
    Some(match lower {
        "securestringtobstr"
        | "securestringtoglobalallocunicode"
        | "securestringtocotaskmemunicode"
        | "securestringtoglobalallocansi"
        | "securestringtocotaskmemansi" => match args.first().and_then(plain_text) {
            Some(text) => Ok(Value::Long(memory.borrow_mut().alloc(text))),
            None => Err(super::method_error(name, args, "Value cannot be null.\r\nParameter name: s", "ArgumentNullException")),
        },
        "ptrtostringauto" | "ptrtostringbstr" | "ptrtostringuni" | "ptrtostringansi" => match pointer(0) {
            Some(0) => Ok(Value::Null),
            Some(p) => {
                let text = memory.borrow().blocks.get(&p).cloned().unwrap_or_default();
                let len = args.get(1).and_then(crate::engine::convert::to_num).map(|n| n.as_f64() as usize);
                Ok(Value::str(match len {
                    Some(n) => text.chars().take(n).collect(),
                    None => text,
                }))
            }
            None => Err(super::method_error(name, args, "Specified cast is not valid.", "InvalidCastException")),
        },
        "zerofreebstr"
        | "freebstr"
        | "zerofreeglobalallocunicode"
        | "zerofreecotaskmemunicode"
        | "zerofreeglobalallocansi"
        | "zerofreecotaskmemansi"
        | "freehglobal"
        | "freecotaskmem" => {
            if let Some(p) = pointer(0) {
                memory.borrow_mut().blocks.remove(&p);
            }
            Ok(Value::Null)
        }
        _ => return None,
    })
}

/// What went wrong turning an exported string back into a secure string, in 5.1's terms.
#[derive(Debug, PartialEq)]
pub enum ImportError {
    /// ArgumentException: `ImportSecureString_InvalidArgument`.
    Argument(String),
    /// CryptographicException: `…_CryptographicError`.
    Cryptographic(String),
    /// byte.Parse of a non-hex pair: a FormatException 5.1 does not catch.
    Format,
}

/// `-Key` must be 128, 192 or 256 bits (Utils.CheckKeyArg).
pub fn check_key(key: &[u8]) -> Result<(), String> {
    if matches!(key.len(), 16 | 24 | 32) {
        Ok(())
    } else {
        Err("The specified key is not valid. Valid key length settings are either 128 bits, 192 bits, or 256 bits.".into())
    }
}

/// The text as SecureStringHelper.GetData gives it: UTF-16 little-endian.
fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn from_utf16(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() % 2 != 0 {
        return Err(ImportError::Argument("Could not decrypt data. The data was not encrypted with this key.".into()));
    }
    let units: Vec<u16> = bytes.chunks(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
    Ok(String::from_utf16_lossy(&units))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Result<Vec<u8>, ImportError> {
    let b = text.as_bytes();
    (0..b.len() / 2).map(|i| std::str::from_utf8(&b[2 * i..2 * i + 2]).ok().and_then(|p| u8::from_str_radix(p, 16).ok()).ok_or(ImportError::Format)).collect()
}

fn aes_encrypt(key: &[u8], iv: &[u8; 16], data: &[u8]) -> Vec<u8> {
    // The key's length was checked (16, 24 or 32 bytes), so every arm's init succeeds.
    let out = match key.len() {
        16 => cbc::Encryptor::<aes::Aes128>::new_from_slices(key, iv).map(|c| c.encrypt_padded_vec::<Pkcs7>(data)),
        24 => cbc::Encryptor::<aes::Aes192>::new_from_slices(key, iv).map(|c| c.encrypt_padded_vec::<Pkcs7>(data)),
        _ => cbc::Encryptor::<aes::Aes256>::new_from_slices(key, iv).map(|c| c.encrypt_padded_vec::<Pkcs7>(data)),
    };
    out.unwrap_or_default()
}

fn aes_decrypt(key: &[u8], iv: &[u8; 16], data: &[u8]) -> Result<Vec<u8>, ImportError> {
    let padding = || ImportError::Cryptographic("Padding is invalid and cannot be removed.".into());
    if data.is_empty() || data.len() % 16 != 0 {
        return Err(ImportError::Cryptographic("Length of the data to decrypt is invalid.".into()));
    }
    let out = match key.len() {
        16 => cbc::Decryptor::<aes::Aes128>::new_from_slices(key, iv).map(|c| c.decrypt_padded_vec::<Pkcs7>(data)),
        24 => cbc::Decryptor::<aes::Aes192>::new_from_slices(key, iv).map(|c| c.decrypt_padded_vec::<Pkcs7>(data)),
        _ => cbc::Decryptor::<aes::Aes256>::new_from_slices(key, iv).map(|c| c.decrypt_padded_vec::<Pkcs7>(data)),
    };
    match out {
        Ok(Ok(plain)) => Ok(plain),
        _ => Err(padding()),
    }
}

/// SecureStringHelper.SecureStringExportHeader: the mark of a `-Key` export.
const EXPORT_HEADER: &str = "76492d1116743f0423413b16050a5345";

/// ConvertFrom-SecureString -Key: the header, then Base64 of the UTF-16 text `2|<IV>|<hex>`.
pub fn encrypt_with_key(text: &str, key: &[u8], iv: [u8; 16]) -> String {
    let encrypted = hex(&aes_encrypt(key, &iv, &utf16(text)));
    let package = format!("2|{}|{encrypted}", super::convert_class::to_base64(&iv));
    format!("{EXPORT_HEADER}{}", super::convert_class::to_base64(&utf16(&package)))
}

/// ConvertTo-SecureString -Key: a headed package gives its IV; text without the header is
/// the encrypted hex alone, decrypted with `fallback_iv` (5.1 used a fresh random IV, so
/// the first block of such old exports comes out garbled there too).
pub fn decrypt_with_key(text: &str, key: &[u8], fallback_iv: [u8; 16]) -> Result<String, ImportError> {
    let mut encrypted = text.to_string();
    let mut iv = fallback_iv;
    if text.len() >= EXPORT_HEADER.len() && text[..EXPORT_HEADER.len()].eq_ignore_ascii_case(EXPORT_HEADER) {
        if let Ok(bytes) = super::convert_class::from_base64(&text[EXPORT_HEADER.len()..]) {
            let package = from_utf16(&bytes)?;
            let parts: Vec<&str> = package.split('|').collect();
            if let [_, iv_text, data] = parts.as_slice() {
                let bytes = super::convert_class::from_base64(iv_text).unwrap_or_default();
                if let Ok(v) = <[u8; 16]>::try_from(bytes.as_slice()) {
                    iv = v;
                }
                encrypted = data.to_string();
            }
        }
    }
    let data = unhex(&encrypted)?;
    from_utf16(&aes_decrypt(key, &iv, &data)?)
}

/// A DPAPI blob's fixed start: version 1 and the provider GUID df9d8cd0-1501-11d1-8c7a-00c04fc297eb.
const DPAPI_HEADER: [u8; 20] = [1, 0, 0, 0, 0xd0, 0x8c, 0x9d, 0xdf, 0x01, 0x15, 0xd1, 0x11, 0x8c, 0x7a, 0x00, 0xc0, 0x4f, 0xc2, 0x97, 0xeb];
/// The lab user's master key (its GUID follows the header, as DPAPI names the key it used).
const LAB_MASTER_KEY_ID: [u8; 16] = [0x5e, 0x1a, 0x0b, 0x3c, 0x71, 0x2d, 0x4e, 0x08, 0x9a, 0x6f, 0x13, 0xc4, 0x27, 0xe5, 0x80, 0xd9];
const LAB_MASTER_KEY: [u8; 32] = *b"ersim lab user DPAPI master key!";

/// ConvertFrom-SecureString without a key: the lab's stand-in for DPAPI (a blob of its
/// shape, readable only by ersim's lab user), as lower-case hex.
pub fn protect(text: &str, iv: [u8; 16]) -> String {
    let mut blob = DPAPI_HEADER.to_vec();
    blob.extend_from_slice(&[1, 0, 0, 0]);
    blob.extend_from_slice(&LAB_MASTER_KEY_ID);
    blob.extend_from_slice(&iv);
    blob.extend(aes_encrypt(&LAB_MASTER_KEY, &iv, &utf16(text)));
    hex(&blob)
}

/// ConvertTo-SecureString without a key: undoes [`protect`]. Another user's blob, or one
/// from a real Windows machine, is refused as DPAPI refuses it.
pub fn unprotect(text: &str) -> Result<String, ImportError> {
    if text.len() % 2 != 0 {
        return Err(ImportError::Argument(format!("The parameter value \"{text}\" is not a valid encrypted string.")));
    }
    let blob = unhex(text)?;
    let not_ours = || ImportError::Cryptographic("Key not valid for use in specified state.".into());
    let head = DPAPI_HEADER.len() + 4;
    if blob.len() < head + 32 || blob[..DPAPI_HEADER.len()] != DPAPI_HEADER {
        return Err(ImportError::Cryptographic("The data is invalid.".into()));
    }
    if blob[head..head + 16] != LAB_MASTER_KEY_ID {
        return Err(not_ours());
    }
    let iv: [u8; 16] = blob[head + 16..head + 32].try_into().map_err(|_| not_ours())?;
    let data = aes_decrypt(&LAB_MASTER_KEY, &iv, &blob[head + 32..]).map_err(|_| not_ours())?;
    from_utf16(&data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_export_round_trips_and_has_5_1s_shape() {
        let key: Vec<u8> = (1..=16).collect();
        let out = encrypt_with_key("P@ssw0rd", &key, [7; 16]);
        assert!(out.starts_with(EXPORT_HEADER));
        assert_eq!(decrypt_with_key(&out, &key, [0; 16]), Ok("P@ssw0rd".to_string()));
        // The package inside is `2|<IV in Base64>|<hex>`, in UTF-16.
        let package = from_utf16(&crate::engine::dotnet::convert_class::from_base64(&out[EXPORT_HEADER.len()..]).unwrap_or_default()).unwrap_or_default();
        assert!(package.starts_with("2|BwcHBwcHBwcHBwcHBwcHBw==|"), "{package}");
        let wrong: Vec<u8> = (2..=17).collect();
        assert!(matches!(decrypt_with_key(&out, &wrong, [0; 16]), Err(ImportError::Cryptographic(_)) | Err(ImportError::Argument(_))));
    }

    #[test]
    fn aes_matches_the_standard_vectors() {
        // FIPS-197 / NIST SP 800-38A F.2.1: AES-128-CBC, first block.
        let key = unhex("2b7e151628aed2a6abf7158809cf4f3c").unwrap_or_default();
        let iv: [u8; 16] = unhex("000102030405060708090a0b0c0d0e0f").unwrap_or_default().try_into().unwrap_or([0; 16]);
        let plain = unhex("6bc1bee22e409f96e93d7e117393172a").unwrap_or_default();
        let out = aes_encrypt(&key, &iv, &plain);
        assert_eq!(hex(&out[..16]), "7649abac8119b246cee98e9b12e9197d");
    }

    #[test]
    fn the_lab_dpapi_round_trips_and_refuses_strangers() {
        let blob = protect("secret", [3; 16]);
        assert!(blob.starts_with("01000000d08c9ddf0115d1118c7a00c04fc297eb01000000"));
        assert_eq!(unprotect(&blob), Ok("secret".to_string()));
        let mut other = blob.clone();
        other.replace_range(48..50, "00");
        assert!(matches!(unprotect(&other), Err(ImportError::Cryptographic(_))));
        assert!(matches!(unprotect("abc"), Err(ImportError::Argument(_))));
        assert_eq!(unprotect("zz"), Err(ImportError::Format));
    }

    #[test]
    fn secure_strings_edit_and_refuse_when_read_only() {
        let v = secure_value("ab");
        let Value::Native(n) = &v else { panic!("a native value") };
        let Native::SecureString(s) = &**n else { panic!("a secure string") };
        assert!(method(s, "appendchar", "AppendChar", &[Value::str("c")]).is_some_and(|r| r.is_ok()));
        assert_eq!(plain_text(&v).as_deref(), Some("abc"));
        let _ = method(s, "makereadonly", "MakeReadOnly", &[]);
        assert!(method(s, "appendchar", "AppendChar", &[Value::str("d")]).is_some_and(|r| r.is_err()));
        assert_eq!(to_string(&v), SECURE_STRING);
    }

    #[test]
    fn network_credentials_split_a_domain() {
        let n = network_credential("CONTOSO\\ops", "pw", None);
        let Value::Object(o) = n else { panic!("an object") };
        assert_eq!(o.borrow().get("Domain").map(to_string).as_deref(), Some("CONTOSO"));
        assert_eq!(o.borrow().get("UserName").map(to_string).as_deref(), Some("ops"));
    }
}
