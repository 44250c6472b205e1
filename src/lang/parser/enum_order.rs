//! 5.1 defines all the types of a script before any of it runs, so an enum member's value may
//! name a member of an enum declared further down the same block (`e0 = [E5]::e0 + 2`). The
//! engine defines a nested block's enums as their statements run; so that they run in an order
//! that works, the parser puts each enum after the enums of the same block its values name,
//! in the places the enum statements had (other statements keep theirs).

use crate::lang::ast::{EnumDecl, Statement, StatementKind};

/// The type names written as `[Name]` in an enum's member values, lower case.
fn named_types(decl: &EnumDecl) -> Vec<String> {
    let mut out = Vec::new();
    for m in &decl.members {
        let Some(e) = &m.value else { continue };
        let Some(mut text) = decl.source.text.get(e.span.start..e.span.end) else { continue };
        while let Some(open) = text.find('[') {
            text = &text[open + 1..];
            if let Some(close) = text.find(['[', ']']).filter(|&c| text.as_bytes()[c] == b']') {
                out.push(text[..close].trim().to_ascii_lowercase());
                text = &text[close + 1..];
            }
        }
    }
    out
}

pub(super) fn order_enums(stmts: &mut Vec<Statement>) {
    let slots: Vec<usize> = stmts.iter().enumerate().filter(|(_, s)| matches!(s.kind, StatementKind::Enum(_))).map(|(i, _)| i).collect();
    if slots.len() < 2 {
        return;
    }
    let decls: Vec<&EnumDecl> = slots
        .iter()
        .filter_map(|&i| match &stmts[i].kind {
            StatementKind::Enum(d) => Some(&**d),
            _ => None,
        })
        .collect();
    let names: Vec<String> = decls.iter().map(|d| d.name.to_ascii_lowercase()).collect();
    let deps: Vec<Vec<usize>> = decls.iter().map(|d| named_types(d).iter().filter_map(|n| names.iter().position(|m| m == n)).collect()).collect();
    // Depth first in declaration order; a cycle is left as written, for the engine to report.
    fn visit(i: usize, deps: &[Vec<usize>], state: &mut [u8], order: &mut Vec<usize>) {
        if state[i] != 0 {
            return;
        }
        state[i] = 1;
        for &d in &deps[i] {
            if d != i && state[d] == 0 {
                visit(d, deps, state, order);
            }
        }
        state[i] = 2;
        order.push(i);
    }
    let mut state = vec![0u8; decls.len()];
    let mut order = Vec::with_capacity(decls.len());
    for i in 0..decls.len() {
        visit(i, &deps, &mut state, &mut order);
    }
    if order.iter().enumerate().all(|(k, &i)| k == i) {
        return;
    }
    let mut taken: Vec<Option<Statement>> = std::mem::take(stmts).into_iter().map(Some).collect();
    let enums: Vec<Statement> = order.iter().filter_map(|&i| taken[slots[i]].take()).collect();
    let mut enums = enums.into_iter();
    for (k, slot) in taken.iter_mut().enumerate() {
        if slot.is_none() && slots.contains(&k) {
            *slot = enums.next();
        }
    }
    stmts.extend(taken.into_iter().flatten());
}
