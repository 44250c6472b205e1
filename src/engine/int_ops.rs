//! Operators specialised for two Int32 operands, the operands of loop counters, sums and
//! recursion: answered before the general path converts both operands to numbers and widens
//! them to 128 bits. Anything else — another type, an overflow (which 5.1 widens to Double), a
//! remainder by zero (its error) — is `None`, and the general operator in `ops` answers exactly
//! as before.

use crate::lang::ast::{BinaryOp, CmpOp};

use super::value::Value;

/// `a op b` when both are Int32 and the result is one too (or a comparison's Boolean).
pub(super) fn int_binary(op: BinaryOp, a: &Value, b: &Value) -> Option<Value> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else { return None };
    let (x, y) = (*x, *y);
    let int = |r: Option<i32>| r.map(Value::Int);
    match op {
        BinaryOp::Add => int(x.checked_add(y)),
        BinaryOp::Sub => int(x.checked_sub(y)),
        BinaryOp::Mul => int(x.checked_mul(y)),
        BinaryOp::Rem => int(x.checked_rem(y)),
        // Case sensitivity means nothing to numbers.
        BinaryOp::Cmp(cmp, _) => Some(Value::Bool(match cmp {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            _ => return None,
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ops;

    /// The general operators, as `eval_binary` and `compare_op` call them for two scalars.
    fn general(op: BinaryOp, a: &Value, b: &Value) -> Option<Value> {
        use std::cmp::Ordering::*;
        let order = || ops::compare(a, b, false);
        Some(match op {
            BinaryOp::Add => ops::add(a, b).ok()?,
            BinaryOp::Sub => ops::sub(a, b).ok()?,
            BinaryOp::Mul => ops::mul(a, b).ok()?,
            BinaryOp::Rem => ops::rem(a, b).ok()?,
            BinaryOp::Cmp(CmpOp::Eq, cs) => Value::Bool(ops::equals(a, b, cs)),
            BinaryOp::Cmp(CmpOp::Ne, cs) => Value::Bool(!ops::equals(a, b, cs)),
            BinaryOp::Cmp(CmpOp::Lt, _) => Value::Bool(order()? == Less),
            BinaryOp::Cmp(CmpOp::Le, _) => Value::Bool(order()? != Greater),
            BinaryOp::Cmp(CmpOp::Gt, _) => Value::Bool(order()? == Greater),
            BinaryOp::Cmp(CmpOp::Ge, _) => Value::Bool(order()? != Less),
            _ => return None,
        })
    }

    /// Every answer the fast path gives is the general operator's, value and type.
    #[test]
    fn agrees_with_the_general_operators() {
        let ints = [0, 1, -1, 2, 7, -7, 46341, i32::MAX, i32::MIN, i32::MAX - 1, i32::MIN + 1];
        let ops = [
            BinaryOp::Add,
            BinaryOp::Sub,
            BinaryOp::Mul,
            BinaryOp::Rem,
            BinaryOp::Cmp(CmpOp::Eq, false),
            BinaryOp::Cmp(CmpOp::Ne, false),
            BinaryOp::Cmp(CmpOp::Lt, true),
            BinaryOp::Cmp(CmpOp::Le, false),
            BinaryOp::Cmp(CmpOp::Gt, false),
            BinaryOp::Cmp(CmpOp::Ge, true),
        ];
        let mut answered = 0;
        for op in ops {
            for &x in &ints {
                for &y in &ints {
                    let (a, b) = (Value::Int(x), Value::Int(y));
                    if let Some(fast) = int_binary(op, &a, &b) {
                        answered += 1;
                        let slow = general(op, &a, &b).expect("the general operator answers too");
                        assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{x} {op:?} {y}");
                    }
                }
            }
        }
        assert!(answered > 1000, "the fast path answered only {answered} cases");
    }

    #[test]
    fn leaves_overflow_division_by_zero_and_other_types_to_the_general_path() {
        assert!(int_binary(BinaryOp::Add, &Value::Int(i32::MAX), &Value::Int(1)).is_none());
        assert!(int_binary(BinaryOp::Mul, &Value::Int(i32::MIN), &Value::Int(-1)).is_none());
        assert!(int_binary(BinaryOp::Rem, &Value::Int(5), &Value::Int(0)).is_none());
        assert!(int_binary(BinaryOp::Rem, &Value::Int(i32::MIN), &Value::Int(-1)).is_none());
        assert!(int_binary(BinaryOp::Add, &Value::Int(1), &Value::Long(1)).is_none());
        assert!(int_binary(BinaryOp::Add, &Value::Int(1), &Value::str("1")).is_none());
        assert!(int_binary(BinaryOp::Div, &Value::Int(4), &Value::Int(2)).is_none());
        assert!(int_binary(BinaryOp::Cmp(CmpOp::Like, false), &Value::Int(1), &Value::Int(1)).is_none());
    }
}
