//! `[Environment]`: the lab machine, simulated and consistent with `$env:` — never the host's.

use std::collections::HashMap;

use super::arg_count;
use crate::engine::convert::{to_string, version_object};
use crate::engine::error::ErrorRecord;
use crate::engine::value::{Hashtable, PsObject, Value};

/// The session's `$env:` table: lower-case key to (name as set, value).
pub type EnvTable = HashMap<String, (String, String)>;

/// `[Environment]::Name` properties.
pub fn property(lower: &str) -> Option<Value> {
    Some(match lower {
        "newline" => Value::str("\r\n"),
        "machinename" | "userdomainname" => Value::str("ERSIM-LAB"),
        "username" => Value::str("admin"),
        "is64bitprocess" | "is64bitoperatingsystem" | "userinteractive" => Value::Bool(true),
        "processorcount" => Value::Int(2),
        "systemdirectory" => Value::str("C:\\Windows\\system32"),
        "osversion" => {
            let mut o = PsObject::typed("System.OperatingSystem");
            o.add_typed("Platform", "System.PlatformID", Value::str("Win32NT"));
            o.add_typed("ServicePack", "string", Value::str(""));
            o.add_typed("Version", "version", version_object(10, 0, 14393, 0));
            o.add_typed("VersionString", "string", Value::str("Microsoft Windows NT 10.0.14393.0"));
            Value::object(o)
        }
        _ => return None,
    })
}

/// `[Environment]::Method(args)` over the session's environment; None for other names.
pub fn call(lower: &str, name: &str, args: &[Value], env: &mut EnvTable) -> Option<Result<Value, ErrorRecord>> {
    let key = |i: usize| args.get(i).map(to_string).unwrap_or_default();
    Some(Ok(match (lower, args.len()) {
        ("getenvironmentvariable", 1 | 2) => env.get(&key(0).to_ascii_lowercase()).map(|(_, v)| Value::str(v)).unwrap_or(Value::Null),
        ("setenvironmentvariable", 2 | 3) => {
            let k = key(0);
            match &args[1] {
                Value::Null => {
                    env.remove(&k.to_ascii_lowercase());
                }
                v if to_string(v).is_empty() => {
                    env.remove(&k.to_ascii_lowercase());
                }
                v => {
                    env.insert(k.to_ascii_lowercase(), (k, to_string(v)));
                }
            }
            Value::Null
        }
        ("getenvironmentvariables", 0 | 1) => {
            let mut h = Hashtable::new(false);
            let mut names: Vec<&(String, String)> = env.values().collect();
            names.sort();
            for (k, v) in names {
                h.insert(Value::str(k), Value::str(v));
            }
            Value::hashtable(h)
        }
        ("expandenvironmentvariables", 1) => {
            let text = key(0);
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find('%') {
                out.push_str(&rest[..start]);
                let after = &rest[start + 1..];
                match after.find('%') {
                    Some(end) => match env.get(&after[..end].to_ascii_lowercase()) {
                        Some((_, v)) => {
                            out.push_str(v);
                            rest = &after[end + 1..];
                        }
                        None => {
                            out.push('%');
                            out.push_str(&after[..end]);
                            rest = &after[end..];
                        }
                    },
                    None => {
                        out.push('%');
                        rest = after;
                    }
                }
            }
            out.push_str(rest);
            Value::str(out)
        }
        ("getenvironmentvariable" | "setenvironmentvariable" | "expandenvironmentvariables", n) => return Some(Err(arg_count(name, n))),
        _ => return None,
    }))
}
