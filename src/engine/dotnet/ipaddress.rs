//! `[ipaddress]` (System.Net.IPAddress), which ExpressRoute scripts use to work out peer
//! subnets: parsing (IPv4 dotted quads and IPv6), the properties 5.1 lists for an address,
//! `GetAddressBytes()`, `ToString()`, and the statics (`Parse`, `TryParse`, `Any`, `Loopback`…).

use std::net::IpAddr;

use crate::engine::convert::to_string;
use crate::engine::error::ErrorRecord;
use crate::engine::types::EnumDef;
use crate::engine::value::{PsObject, Value};

pub const IP_ADDRESS: &str = "System.Net.IPAddress";

pub static ADDRESS_FAMILY: EnumDef =
    EnumDef { full_name: "System.Net.Sockets.AddressFamily", members: &[("Unspecified", 0), ("InterNetwork", 2), ("InterNetworkV6", 23), ("Unknown", -1)] };

const INVALID: &str = "An invalid IP address was specified.";

/// IPAddress.Parse's grammar as scripts use it: a dotted quad or an IPv6 address (a zone
/// index `%n` allowed); anything else is refused with .NET's message.
pub fn parse(text: &str) -> Result<IpAddr, String> {
    let t = text.trim();
    let (addr, _zone) = t.split_once('%').unwrap_or((t, ""));
    addr.parse::<IpAddr>().map_err(|_| INVALID.to_string())
}

/// The object 5.1 shows for an address, its properties in .NET's order. `Address` is the IPv4
/// address as the little-endian number .NET keeps; an IPv6 address has none (its getter
/// throws, so the list shows it empty) and a ScopeId instead.
pub fn address_value(ip: IpAddr) -> Value {
    let mut o = PsObject::typed(IP_ADDRESS);
    let family = |name: &str| match ADDRESS_FAMILY.parse(name) {
        Some((n, v)) => Value::enum_value(ADDRESS_FAMILY.full_name, n, v),
        None => Value::Null,
    };
    match ip {
        IpAddr::V4(v4) => {
            o.add_typed("Address", "long", Value::Long(i64::from(u32::from_le_bytes(v4.octets()))));
            o.add_typed("AddressFamily", "System.Net.Sockets.AddressFamily", family("InterNetwork"));
            o.add_typed("ScopeId", "long", Value::Null);
            for p in ["IsIPv6Multicast", "IsIPv6LinkLocal", "IsIPv6SiteLocal", "IsIPv6Teredo", "IsIPv4MappedToIPv6"] {
                o.add_typed(p, "bool", Value::Bool(false));
            }
        }
        IpAddr::V6(v6) => {
            let seg = v6.segments();
            o.add_typed("Address", "long", Value::Null);
            o.add_typed("AddressFamily", "System.Net.Sockets.AddressFamily", family("InterNetworkV6"));
            o.add_typed("ScopeId", "long", Value::Long(0));
            o.add_typed("IsIPv6Multicast", "bool", Value::Bool(seg[0] & 0xff00 == 0xff00));
            o.add_typed("IsIPv6LinkLocal", "bool", Value::Bool(seg[0] & 0xffc0 == 0xfe80));
            o.add_typed("IsIPv6SiteLocal", "bool", Value::Bool(seg[0] & 0xffc0 == 0xfec0));
            o.add_typed("IsIPv6Teredo", "bool", Value::Bool(seg[0] == 0x2001 && seg[1] == 0));
            o.add_typed("IsIPv4MappedToIPv6", "bool", Value::Bool(v6.to_ipv4_mapped().is_some()));
        }
    }
    o.add_typed("IPAddressToString", "string", Value::str(ip.to_string()));
    Value::object(o)
}

/// The address an IPAddress object holds.
pub fn address_of(v: &Value) -> Option<IpAddr> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    if o.type_names.first().is_none_or(|t| t != IP_ADDRESS) {
        return None;
    }
    o.get("IPAddressToString").and_then(|t| to_string(t).parse().ok())
}

/// A conversion to `[ipaddress]`: a string is parsed.
pub fn convert_to(v: &Value) -> Result<Value, String> {
    if address_of(v).is_some() {
        return Ok(v.clone());
    }
    parse(&to_string(v)).map(address_value)
}

/// `$ip.GetAddressBytes()`; None when the target is no address.
pub fn method(target: &Value, lower: &str) -> Option<Value> {
    let ip = address_of(target)?;
    match lower {
        "getaddressbytes" => {
            let bytes = match ip {
                IpAddr::V4(v) => v.octets().to_vec(),
                IpAddr::V6(v) => v.octets().to_vec(),
            };
            Some(super::convert_class::byte_array(&bytes))
        }
        _ => None,
    }
}

/// `[ipaddress]::Any` and the other well-known addresses.
pub fn static_property(lower: &str) -> Option<Value> {
    let text = match lower {
        "any" => "0.0.0.0",
        "loopback" => "127.0.0.1",
        "broadcast" | "none" => "255.255.255.255",
        "ipv6any" | "ipv6none" => "::",
        "ipv6loopback" => "::1",
        _ => return None,
    };
    text.parse().ok().map(address_value)
}

/// `[ipaddress]::Parse`, `TryParse` (through a reference) and `IsLoopback`.
pub fn call_static(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    Some(match (lower, args) {
        ("parse", [text]) => parse(&to_string(text)).map(address_value).map_err(|why| super::method_error(name, args, &why, "FormatException")),
        ("tryparse", [text, out]) => {
            let parsed = parse(&to_string(text)).ok();
            super::reference::set_if_reference(out, parsed.map(address_value).unwrap_or(Value::Null));
            Ok(Value::Bool(parsed.is_some()))
        }
        ("isloopback", [ip]) => Ok(Value::Bool(address_of(ip).is_some_and(|a| a.is_loopback()))),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv4_address_is_kept_little_endian_as_dotnet_does() {
        let v = address_value(parse("10.0.0.1").unwrap_or(IpAddr::from([0, 0, 0, 0])));
        let Value::Object(o) = &v else { panic!("an object") };
        assert!(matches!(o.borrow().get("Address"), Some(Value::Long(16_777_226))));
        assert_eq!(to_string(o.borrow().get("IPAddressToString").unwrap_or(&Value::Null)), "10.0.0.1");
        assert_eq!(address_of(&v), "10.0.0.1".parse().ok());
    }

    #[test]
    fn bad_text_is_refused_with_dotnets_message() {
        assert_eq!(parse("10.0.0.256").unwrap_err(), INVALID);
        assert_eq!(parse("fe80::1%4").map(|a| a.to_string()).ok().as_deref(), Some("fe80::1"));
    }
}
