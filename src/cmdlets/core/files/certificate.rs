//! Get-PfxCertificate over the lab's files, and the X509Certificate2 objects it writes (what
//! Set-AzureSubscription -Certificate takes). A certificate file is an X.509 certificate in
//! DER or PEM form (a `.cer`); its thumbprint is the SHA-1 of the DER bytes and its names and
//! dates are read from the DER, as .NET reads them. PKCS#12 (`.pfx`) is not read: ersim has no
//! PKCS#12 decoder, and such a file is the crypto error 5.1 gives a file it cannot open.

use sha1::{Digest, Sha1};

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::FsError;

use super::{expand, lab, path_args};

pub const CERTIFICATE_TYPE: &str = "System.Security.Cryptography.X509Certificates.X509Certificate2";
const SECURITY: &str = "Microsoft.PowerShell.Security";

/// What a certificate file holds, as X509Certificate2 shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub thumbprint: String,
    pub subject: String,
    pub issuer: String,
    pub serial_number: String,
    pub not_before: chrono::NaiveDateTime,
    pub not_after: chrono::NaiveDateTime,
}

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Get-PfxCertificate", SECURITY, "Microsoft.PowerShell.Commands.GetPfxCertificateCommand", || Box::new(GetPfxCertificate))
        .param(
            ParamSpec::new("FilePath", TypeKind::String)
                .array()
                .mandatory()
                .position(0)
                .pipeline()
                .by_name()
                .in_set("ByPath")
                .wildcards()
                .help("The certificate files (.cer, DER or PEM); wildcards are expanded."),
        )
        .param(ParamSpec::new("LiteralPath", TypeKind::String).array().mandatory().by_name().in_set("ByLiteralPath").alias("PSPath").help("The certificate files, exactly as written."))
        .default_set("ByPath")
        .outputs(CERTIFICATE_TYPE)
        .synopsis("Gets a certificate object from a certificate file of the lab's file system.")
        .description("Reads an X.509 certificate (DER or PEM, as a .cer file holds it) and writes its X509Certificate2: Thumbprint (the SHA-1 of the certificate), Subject, Issuer, SerialNumber, NotBefore, NotAfter. Set-AzureSubscription -Certificate takes it. PKCS#12 (.pfx) files are not read.")
        .example(
            "The certificate of a file",
            "Set-Content mgmt.cer -Encoding Byte -Value ([Convert]::FromBase64String('MIGXMIGCoAMCAQICAQEwDQYJKoZIhvcNAQELBQAwFDESMBAGA1UEAxMJTGFiIEFkbWluMB4XDTE2MDEwMTAwMDAwMFoXDTI2MDEwMTAwMDAwMFowFDESMBAGA1UEAxMJTGFiIEFkbWluMB0wDQYJKoZIhvcNAQEBBQADDAAwCQICAMECAwEAATANBgkqhkiG9w0BAQsFAAMBAA=='))\n(Get-PfxCertificate .\\mgmt.cer).Subject",
            "CN=Lab Admin.",
        )]
}

/// X509Certificate2's table view in 5.1's certificate format file: Thumbprint and Subject.
pub fn view() -> TableView {
    TableView::new(CERTIFICATE_TYPE, vec![ViewColumn::property("Thumbprint", 41), ViewColumn::property("Subject", 0)])
}

/// The X509Certificate2 object of a certificate.
pub fn certificate_object(c: &Certificate) -> Value {
    let mut o = PsObject::typed(CERTIFICATE_TYPE);
    o.add_typed("Thumbprint", "string", Value::str(&c.thumbprint));
    o.add_typed("Subject", "string", Value::str(&c.subject));
    o.add_typed("Issuer", "string", Value::str(&c.issuer));
    o.add_typed("SerialNumber", "string", Value::str(&c.serial_number));
    o.add_typed("NotBefore", "datetime", Value::DateTime(c.not_before));
    o.add_typed("NotAfter", "datetime", Value::DateTime(c.not_after));
    o.add_typed("HasPrivateKey", "bool", Value::Bool(false));
    o.add_typed("FriendlyName", "string", Value::str(""));
    Value::object(o)
}

/// The thumbprint of an X509Certificate2 object; `None` for any other value.
pub fn thumbprint_of(value: &Value) -> Option<String> {
    let Value::Object(o) = value else { return None };
    let o = o.borrow();
    if o.type_names.first().map(String::as_str) != Some(CERTIFICATE_TYPE) {
        return None;
    }
    o.get("Thumbprint").map(|v| v.to_display_string())
}

/// A certificate from a file's bytes: PEM's base64 between its markers, else DER.
pub fn parse(bytes: &[u8]) -> Option<Certificate> {
    let der = match std::str::from_utf8(bytes).ok().and_then(pem_body) {
        Some(body) => crate::engine::dotnet::convert_class::from_base64(&body).ok()?,
        None => bytes.to_vec(),
    };
    let (cert, _) = element(&der, 0x30)?;
    let (tbs, _) = element(cert, 0x30)?;
    let mut rest = tbs;
    if rest.first() == Some(&0xA0) {
        rest = element(rest, 0xA0)?.1;
    }
    let (serial, rest) = element(rest, 0x02)?;
    let (_, rest) = element(rest, 0x30)?;
    let (issuer, rest) = element(rest, 0x30)?;
    let (validity, rest) = element(rest, 0x30)?;
    let (subject, _) = element(rest, 0x30)?;
    let (not_before, after) = time(validity)?;
    let (not_after, _) = time(after)?;
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
    Some(Certificate {
        thumbprint: hex(&Sha1::digest(&der)),
        subject: name(subject)?,
        issuer: name(issuer)?,
        serial_number: hex(serial),
        not_before,
        not_after,
    })
}

fn pem_body(text: &str) -> Option<String> {
    let start = text.find("-----BEGIN CERTIFICATE-----")? + "-----BEGIN CERTIFICATE-----".len();
    let end = text[start..].find("-----END CERTIFICATE-----")? + start;
    Some(text[start..end].chars().filter(|c| !c.is_whitespace()).collect())
}

/// One DER element with the tag `tag` at the start of `data`: its contents and what follows.
fn element(data: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&found, rest) = data.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7F) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        (rest[..n].iter().fold(0usize, |acc, b| (acc << 8) | *b as usize), &rest[n..])
    };
    (found == tag && rest.len() >= len).then(|| rest.split_at(len))
}

/// Any one DER element: its tag, contents and what follows.
fn any_element(data: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *data.first()?;
    element(data, tag).map(|(contents, rest)| (tag, contents, rest))
}

/// A UTCTime or GeneralizedTime.
fn time(data: &[u8]) -> Option<(chrono::NaiveDateTime, &[u8])> {
    let (tag, contents, rest) = any_element(data)?;
    let text = std::str::from_utf8(contents).ok()?.trim_end_matches('Z');
    let full = match tag {
        0x17 => {
            let yy: u32 = text.get(..2)?.parse().ok()?;
            format!("{}{text}", if yy < 50 { "20" } else { "19" })
        }
        0x18 => text.to_string(),
        _ => return None,
    };
    let parsed = chrono::NaiveDateTime::parse_from_str(&full, "%Y%m%d%H%M%S").ok()?;
    Some((parsed, rest))
}

/// A Name as .NET's X500DistinguishedName shows it: the last RDN first, `, ` between.
fn name(mut data: &[u8]) -> Option<String> {
    let mut parts = Vec::new();
    while !data.is_empty() {
        let (set, rest) = element(data, 0x31)?;
        let (pair, _) = element(set, 0x30)?;
        let (oid, value) = element(pair, 0x06)?;
        let (_, text, _) = any_element(value)?;
        let key = match oid {
            [0x55, 0x04, 0x03] => "CN".to_string(),
            [0x55, 0x04, 0x06] => "C".to_string(),
            [0x55, 0x04, 0x07] => "L".to_string(),
            [0x55, 0x04, 0x08] => "S".to_string(),
            [0x55, 0x04, 0x0A] => "O".to_string(),
            [0x55, 0x04, 0x0B] => "OU".to_string(),
            [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01] => "E".to_string(),
            other => format!("OID.{}", oid_text(other)),
        };
        parts.push(format!("{key}={}", String::from_utf8_lossy(text)));
        data = rest;
    }
    parts.reverse();
    Some(parts.join(", "))
}

fn oid_text(bytes: &[u8]) -> String {
    let mut arcs = Vec::new();
    let mut value = 0u64;
    for (i, b) in bytes.iter().enumerate() {
        value = (value << 7) | u64::from(b & 0x7F);
        if b & 0x80 == 0 {
            if arcs.is_empty() && i < bytes.len() {
                arcs.push(value.min(80) / 40);
                arcs.push(value - arcs[0] * 40);
            } else {
                arcs.push(value);
            }
            value = 0;
        }
    }
    arcs.iter().map(u64::to_string).collect::<Vec<_>>().join(".")
}

struct GetPfxCertificate;

impl Cmdlet for GetPfxCertificate {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = match args.get("FilePath") {
            Some(_) => (args.get("FilePath").map(|v| v.enumerate().iter().map(crate::engine::convert::to_string).collect()).unwrap_or_default(), false),
            None => path_args(args),
        };
        let mut missing = Vec::new();
        for path in &paths {
            let found = match expand(&fs, path, literal) {
                Ok(items) => items,
                Err(FsError::NotFound(_) | FsError::Invalid(..)) => Vec::new(),
                // A path the lab's rule refuses is that error, as for every file cmdlet.
                Err(e) => {
                    ctx.write_error(super::fs_record(ctx, &e, &super::READ_IDS))?;
                    continue;
                }
            };
            let files: Vec<_> = found.into_iter().filter(|i| fs.exists(i) && !fs.is_dir(i)).collect();
            if files.is_empty() {
                missing.push(path.clone());
            }
            for item in files {
                let bytes = match fs.read(&item) {
                    Ok(b) => b,
                    Err(e) => {
                        ctx.write_error(super::fs_record(ctx, &e, &super::READ_IDS))?;
                        continue;
                    }
                };
                match parse(&bytes) {
                    Some(c) => ctx.emit(certificate_object(&c))?,
                    None => ctx.write_error(ErrorRecord::new(
                        "Cannot find the requested object.",
                        "System.Security.Cryptography.CryptographicException",
                        ErrorCategory::NotSpecified,
                        "GetPfxCertificateUnknownCryptoError,Microsoft.PowerShell.Commands.GetPfxCertificateCommand",
                    ))?,
                }
            }
        }
        let not_found = |message: String, id: &str| {
            ErrorRecord::new(
                message,
                "System.IO.FileNotFoundException",
                ErrorCategory::ObjectNotFound,
                format!("{id},Microsoft.PowerShell.Commands.GetPfxCertificateCommand"),
            )
        };
        if !missing.is_empty() && missing.len() == paths.len() {
            return Err(ctx.terminate(not_found("Command cannot find any of the specified files.".into(), "GetPfxCertCommandNoneOfTheFilesFound")));
        }
        for path in missing {
            ctx.write_error(not_found(format!("The following file could not be found: {path}."), "GetPfxCertCommandFileNotFound"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A self-signed certificate's DER: CN=Lab Admin, serial 1, 2016-01-01 to 2026-01-01.
    const LAB_CER: &str = "MIGXMIGCoAMCAQICAQEwDQYJKoZIhvcNAQELBQAwFDESMBAGA1UEAxMJTGFiIEFkbWluMB4XDTE2MDEwMTAwMDAwMFoXDTI2MDEwMTAwMDAwMFowFDESMBAGA1UEAxMJTGFiIEFkbWluMB0wDQYJKoZIhvcNAQEBBQADDAAwCQICAMECAwEAATANBgkqhkiG9w0BAQsFAAMBAA==";

    #[test]
    fn der_and_pem_give_the_same_certificate_and_thumbprint() {
        let der = crate::engine::dotnet::convert_class::from_base64(LAB_CER).unwrap();
        let c = parse(&der).expect("a certificate");
        assert_eq!((c.subject.as_str(), c.issuer.as_str(), c.serial_number.as_str()), ("CN=Lab Admin", "CN=Lab Admin", "01"));
        assert_eq!(c.not_before.to_string(), "2016-01-01 00:00:00");
        assert_eq!(c.not_after.to_string(), "2026-01-01 00:00:00");
        // The SHA-1 of the DER, as `openssl x509 -fingerprint` gives it.
        assert_eq!(c.thumbprint, "CA58C2B8352C1CAA5F66EA99A85BFDA40724F882");
        let pem = format!("-----BEGIN CERTIFICATE-----\r\n{}\r\n{}\r\n-----END CERTIFICATE-----\r\n", &LAB_CER[..64], &LAB_CER[64..]);
        assert_eq!(parse(pem.as_bytes()), Some(c));
    }

    #[test]
    fn what_is_no_certificate_is_refused_without_panicking() {
        for bytes in [&b""[..], b"hello", &[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF], &[0x30, 0x03, 0x30, 0x01]] {
            assert_eq!(parse(bytes), None);
        }
    }

    #[test]
    fn names_list_the_last_part_first() {
        // SEQUENCE { SET { C=US } SET { O=Contoso } SET { CN=Mgmt } }
        let mut der = vec![0x31, 0x0B, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x06, 0x13, 0x02, b'U', b'S'];
        der.extend([0x31, 0x10, 0x30, 0x0E, 0x06, 0x03, 0x55, 0x04, 0x0A, 0x13, 0x07]);
        der.extend(b"Contoso");
        der.extend([0x31, 0x0D, 0x30, 0x0B, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x04]);
        der.extend(b"Mgmt");
        assert_eq!(name(&der).unwrap(), "CN=Mgmt, O=Contoso, C=US");
    }
}
