//! IPv4 prefixes as the peering and registry rules need them.

use std::fmt;
use std::net::Ipv4Addr;

/// An IPv4 prefix `a.b.c.d/n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ipv4Prefix {
    addr: u32,
    len: u8,
}

/// Ranges that are not public addresses (RFC 6890 special-purpose blocks and multicast).
const NON_PUBLIC: &[(u32, u8)] = &[
    (0x0000_0000, 8),  // 0.0.0.0/8
    (0x0A00_0000, 8),  // 10.0.0.0/8
    (0x6440_0000, 10), // 100.64.0.0/10
    (0x7F00_0000, 8),  // 127.0.0.0/8
    (0xA9FE_0000, 16), // 169.254.0.0/16
    (0xAC10_0000, 12), // 172.16.0.0/12
    (0xC000_0000, 24), // 192.0.0.0/24
    (0xC000_0200, 24), // 192.0.2.0/24
    (0xC0A8_0000, 16), // 192.168.0.0/16
    (0xC612_0000, 15), // 198.18.0.0/15
    (0xC633_6400, 24), // 198.51.100.0/24
    (0xCB00_7100, 24), // 203.0.113.0/24
    (0xE000_0000, 3),  // 224.0.0.0/3 (multicast and reserved)
];

fn mask(len: u8) -> u32 {
    if len == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(len))
    }
}

impl Ipv4Prefix {
    /// Parses `a.b.c.d/n` (surrounding blanks allowed).
    pub(crate) fn parse(text: &str) -> Option<Ipv4Prefix> {
        let (addr, len) = text.trim().split_once('/')?;
        let addr: Ipv4Addr = addr.parse().ok()?;
        let len: u8 = len.parse().ok().filter(|l| *l <= 32)?;
        Some(Ipv4Prefix { addr: u32::from(addr), len })
    }

    /// Prefix length.
    pub(crate) fn len(&self) -> u8 {
        self.len
    }

    /// No host bits set (`10.0.0.0/30` yes, `98.251.199.31/30` no).
    pub(crate) fn is_network(&self) -> bool {
        self.addr & !mask(self.len) == 0
    }

    /// Whether `other` lies inside this prefix.
    pub(crate) fn contains(&self, other: &Ipv4Prefix) -> bool {
        other.len >= self.len && other.addr & mask(self.len) == self.addr & mask(self.len)
    }

    /// Entirely public address space.
    pub(crate) fn is_public(&self) -> bool {
        !NON_PUBLIC.iter().any(|(a, l)| {
            let block = Ipv4Prefix { addr: *a, len: *l };
            block.contains(self) || self.contains(&block)
        })
    }

    /// The `n`-th address of the prefix (`n = 1` is the first host).
    pub(crate) fn host(&self, n: u32) -> Ipv4Addr {
        Ipv4Addr::from(self.addr.wrapping_add(n))
    }
}

impl fmt::Display for Ipv4Prefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", Ipv4Addr::from(self.addr), self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Ipv4Prefix {
        Ipv4Prefix::parse(s).unwrap()
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(p(" 10.0.0.0/30 ").to_string(), "10.0.0.0/30");
        assert_eq!(p("10.0.0.0/30").len(), 30);
        for bad in ["10.0.0.0", "10.0.0/30", "10.0.0.0/33", "x/30", "10.0.0.256/30"] {
            assert!(Ipv4Prefix::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn network_and_containment() {
        assert!(p("10.0.0.4/30").is_network());
        assert!(!p("98.251.199.31/30").is_network());
        assert!(p("123.0.0.0/8").contains(&p("123.0.0.0/30")));
        assert!(!p("123.0.0.0/30").contains(&p("123.0.0.0/8")));
        assert!(p("0.0.0.0/0").contains(&p("1.2.3.4/32")));
        assert_eq!(p("10.0.0.4/30").host(1).to_string(), "10.0.0.5");
    }

    #[test]
    fn public_addresses() {
        assert!(p("131.107.0.0/30").is_public());
        assert!(p("123.0.0.0/30").is_public());
        assert!(!p("10.0.0.0/30").is_public());
        assert!(!p("192.168.9.252/30").is_public());
        assert!(!p("172.16.0.0/12").is_public());
        assert!(!p("8.0.0.0/4").is_public(), "covers 10.0.0.0/8");
    }
}
