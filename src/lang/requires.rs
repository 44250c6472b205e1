//! `#requires` statements: comments at the start of a line that state what a script needs.

/// What one script's `#requires` lines ask for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Requirements {
    /// `-Version 3.0`: the lowest PowerShell version, as (major, minor).
    pub version: Option<(u32, u32)>,
    /// `-Modules A, B`: modules that must be there.
    pub modules: Vec<String>,
    /// `-RunAsAdministrator`.
    pub run_as_administrator: bool,
}

/// The requirements of a script's text. Lines that are not `#requires` are skipped; a
/// parameter ersim does not check (`-PSSnapin`, `-ShellId`, `-PSEdition`) is left alone.
pub fn requirements(text: &str) -> Requirements {
    let mut r = Requirements::default();
    for line in text.lines() {
        let line = line.trim_start();
        let Some(rest) = line.get(..9).filter(|head| head.eq_ignore_ascii_case("#requires")).map(|_| &line[9..]) else {
            continue;
        };
        if !rest.starts_with(|c: char| c.is_whitespace()) {
            continue;
        }
        let mut words = rest.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let Some(param) = word.strip_prefix('-') else { continue };
            let param = param.to_ascii_lowercase();
            if "runasadministrator".starts_with(&param) && param.len() >= 3 {
                r.run_as_administrator = true;
            } else if param == "version" || param == "v" {
                if let Some(v) = words.next() {
                    let (major, minor) = v.split_once('.').unwrap_or((v, "0"));
                    let minor = minor.split('.').next().unwrap_or("0");
                    if let (Ok(a), Ok(b)) = (major.parse(), minor.parse()) {
                        r.version = Some((a, b));
                    }
                }
            } else if param == "modules" || param == "module" {
                // The names up to the next parameter, separated by commas.
                let mut list = String::new();
                while let Some(next) = words.peek().filter(|w| !w.starts_with('-')) {
                    list.push_str(next);
                    words.next();
                }
                r.modules.extend(list.split(',').map(|m| m.trim().trim_matches(['\'', '"']).to_string()).filter(|m| !m.is_empty()));
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_lines_are_read() {
        let r = requirements("#Requires -Version 3.0\n# requires -Version 9\n  #requires -Modules Azure, ExpressRoute -RunAsAdministrator\nWrite-Output 1");
        assert_eq!(r.version, Some((3, 0)));
        assert_eq!(r.modules, ["Azure", "ExpressRoute"]);
        assert!(r.run_as_administrator);
        assert_eq!(requirements("#requires -version 5").version, Some((5, 0)));
        assert_eq!(requirements("#requiresx -version 9"), Requirements::default());
    }
}
