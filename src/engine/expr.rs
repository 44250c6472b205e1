//! Expressions and assignment.

use std::rc::Rc;

use crate::lang::ast::*;

use super::convert::{self, to_bool, to_string};
use super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::int_ops::int_binary;
use super::limits;
use super::ops;
use super::runtime::Interp;

use super::value::{collapse, Hashtable, TypeKind, TypeRef, Value};

impl Interp {
    /// Attaches the position of `span` to an error raised by an operator or member.
    pub fn located(&self, mut rec: ErrorRecord, span: Span) -> Flow {
        if rec.invocation.is_none() {
            if let Some(src) = self.source_of(span) {
                rec.invocation = Some(InvocationInfo::at(&src, span));
            }
        }
        Flow::error(rec)
    }

    pub fn eval_expr(&mut self, e: &Expr) -> EvalResult<Value> {
        match &e.kind {
            ExprKind::Int(i) => Ok(match i32::try_from(*i) {
                Ok(v) => Value::Int(v),
                Err(_) => Value::Long(*i),
            }),
            ExprKind::Long(i) => Ok(Value::Long(*i)),
            ExprKind::Double(d) => Ok(Value::Double(*d)),
            ExprKind::Str(s) | ExprKind::Bare(s) => Ok(Value::str(s)),
            ExprKind::Expandable(parts) => {
                let mut out = String::new();
                for p in parts {
                    match p {
                        StringPart::Text(t) => out.push_str(t),
                        StringPart::Expr(x) => {
                            let v = match &x.kind {
                                ExprKind::Variable { name, key, scope } => self.strict_variable(name, key, scope.as_deref(), true, x.span)?,
                                _ => self.eval_expr(x)?,
                            };
                            match self.class_to_string(&v)? {
                                Some(text) => out.push_str(&text),
                                None => out.push_str(&self.expand_to_string(&v)),
                            }
                        }
                    }
                }
                Ok(Value::str(out))
            }
            ExprKind::Variable { name, key, scope } => self.strict_variable(name, key, scope.as_deref(), false, e.span),
            ExprKind::ArrayLiteral(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval_expr(i)?);
                }
                Ok(Value::array(out))
            }
            ExprKind::ArraySubexpr(stmts) => {
                let items = self.capture(|i, out| i.exec_statements(stmts, out))?;
                Ok(Value::array(items))
            }
            ExprKind::Subexpr(stmts) => {
                let items = self.capture(|i, out| i.exec_statements(stmts, out))?;
                Ok(collapse(items))
            }
            ExprKind::Paren(s) => self.statement_value(s),
            ExprKind::Hashtable(entries) => {
                let mut h = Hashtable::new(false);
                for (k, v) in entries {
                    let key = match &k.kind {
                        ExprKind::Str(s) | ExprKind::Bare(s) => Value::str(s),
                        _ => self.eval_expr(k)?,
                    };
                    let value = self.statement_value(v)?;
                    if h.contains(&key) {
                        return Err(self.located(
                            ErrorRecord::runtime(
                                format!("Duplicate keys '{}' are not allowed in hash literals.", to_string(&key)),
                                "DuplicateKeyInHashLiteral",
                                ErrorCategory::InvalidOperation,
                            ),
                            k.span,
                        ));
                    }
                    h.insert(key, value);
                }
                Ok(Value::hashtable(h))
            }
            ExprKind::ScriptBlock(sb) => Ok(Value::ScriptBlock(sb.clone())),
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, e.span),
            ExprKind::Binary { op, left, right } => self.eval_binary(*op, left, right, e.span),
            ExprKind::Cast { ty, operand } => self.eval_cast(ty, operand, e.span),
            ExprKind::TypeLiteral(ty) => Ok(Value::Type(self.resolve_type(ty)?)),
            ExprKind::Member { target, name, is_static } => {
                let t = self.eval_expr(target)?;
                let n = self.member_name(name)?;
                if *is_static {
                    return self.static_member(&t, &n, e.span);
                }
                let v = self.get_member(&t, &n);
                // The language's intrinsic Count/Length (not the object's: binding by property
                // name does not see them), for values with no such member of their own (an
                // ArrayList or a StringBuilder has one).
                if matches!(v, Value::Null) {
                    if let Some(count) = super::intrinsics::intrinsic_count(&t, &n.to_ascii_lowercase()) {
                        return Ok(count);
                    }
                }
                self.strict_property(&t, &n, &v, e.span)?;
                Ok(v)
            }
            ExprKind::Invoke { target, name, args, is_static } => {
                let t = self.eval_expr(target)?;
                let n = self.member_name(name)?;
                let mut a = Vec::with_capacity(args.len());
                for x in args {
                    a.push(self.eval_expr(x)?);
                }
                if let (Value::ScriptBlock(sb), false, true) = (&t, *is_static, a.is_empty()) {
                    if n.eq_ignore_ascii_case("getnewclosure") {
                        return Ok(self.new_closure(sb));
                    }
                }
                if *is_static {
                    if let (Value::Type(ty), [text]) = (&t, a.as_slice()) {
                        if ty.kind == TypeKind::ScriptBlock && !ty.is_array && n.eq_ignore_ascii_case("create") {
                            return Ok(Value::ScriptBlock(self.create_script_block(&text.to_display_string(), e.span)?));
                        }
                    }
                    return self.call_static(&t, &n, a, e.span);
                }
                if let Some(base) = self.base_method_class(target, &t) {
                    if let Some(v) = match base {
                        Some(class) => self.call_class_method(&class, Some(&t), &n, a.clone(), e.span)?,
                        None => None,
                    } {
                        return Ok(v);
                    }
                    // No class of the chain up from the base defines it: .NET's Object.ToString,
                    // the type's name, not the override.
                    if n.eq_ignore_ascii_case("tostring") && a.is_empty() {
                        return Ok(Value::str(super::dotnet::registry::type_of(&t).full_name()));
                    }
                }
                self.call_method(&t, &n, a, e.span)
            }
            ExprKind::Index { target, index } => {
                let t = self.eval_expr(target)?;
                let i = self.eval_expr(index)?;
                self.index_value(&t, &i, e.span)
            }
        }
    }

    fn member_name(&mut self, name: &Expr) -> EvalResult<String> {
        match &name.kind {
            ExprKind::Str(s) | ExprKind::Bare(s) => Ok(s.clone()),
            _ => Ok(to_string(&self.eval_expr(name)?)),
        }
    }

    pub fn resolve_type(&self, ty: &TypeName) -> EvalResult<Rc<TypeRef>> {
        let with_namespace = || self.using_namespaces.iter().find_map(|ns| self.types.resolve(&format!("{ns}.{}", ty.name), ty.is_array));
        self.types
            .resolve(&ty.name, ty.is_array)
            .or_else(with_namespace)
            .ok_or_else(|| self.located(super::dotnet::registry::type_not_found(&ty.name), ty.span))
    }

    pub(super) fn read_variable(&self, key: &str, scope: Option<&str>) -> Value {
        if scope == Some("env") {
            return self.env.get(key).map(|(_, v)| Value::str(v)).unwrap_or(Value::Null);
        }
        if scope == Some("function") {
            return self.function_variable(key);
        }
        self.get_var_key(key, scope).unwrap_or(Value::Null)
    }

    /// A value inside an expandable string: arrays join with `$OFS` (a space by default).
    pub fn expand_to_string(&self, v: &Value) -> String {
        match v {
            Value::Array(a) => {
                let sep = match self.get_var("OFS", None) {
                    Some(Value::Null) | None => " ".to_string(),
                    Some(s) => to_string(&s),
                };
                a.borrow().iter().map(|x| self.expand_to_string(x)).collect::<Vec<_>>().join(&sep)
            }
            other => to_string(other),
        }
    }

    fn eval_unary(&mut self, op: UnaryOp, operand: &Expr, span: Span) -> EvalResult<Value> {
        match op {
            UnaryOp::PreInc | UnaryOp::PreDec | UnaryOp::PostInc | UnaryOp::PostDec => {
                let old = self.eval_expr(operand)?;
                let (step, general): (_, fn(&Value, &Value) -> ops::OpResult) =
                    if matches!(op, UnaryOp::PreInc | UnaryOp::PostInc) { (BinaryOp::Add, ops::add) } else { (BinaryOp::Sub, ops::sub) };
                let delta = int_binary(step, &old, &Value::Int(1)).map(Ok).unwrap_or_else(|| general(&old, &Value::Int(1)));
                let new = delta.map_err(|r| self.located(r, span))?;
                self.assign(operand, AssignOp::Assign, new.clone())?;
                Ok(if matches!(op, UnaryOp::PostInc | UnaryOp::PostDec) { old } else { new })
            }
            _ => {
                let v = self.eval_expr(operand)?;
                match op {
                    UnaryOp::Not => Ok(Value::Bool(!to_bool(&v))),
                    UnaryOp::Neg => ops::negate(&v).map_err(|r| self.located(r, span)),
                    UnaryOp::Plus => Ok(match convert::to_num(&v) {
                        Some(_) if v.is_numeric() => v,
                        Some(n) => ops::add(
                            &Value::Int(0),
                            &match n {
                                convert::Num::F(f) => Value::Double(f),
                                convert::Num::I(i) => Value::Long(i),
                                convert::Num::U(u) => Value::ULong(u),
                            },
                        )
                        .map_err(|r| self.located(r, span))?,
                        None => v,
                    }),
                    UnaryOp::Bnot => match convert::to_num(&v) {
                        Some(n) => Ok(Value::Int(!(n.as_f64() as i64) as i32)),
                        None => Ok(Value::Null),
                    },
                    UnaryOp::Comma => Ok(Value::array(vec![v])),
                    UnaryOp::Join => limits::join(v.enumerate().iter().map(to_string), "").map(Value::str).map_err(|rec| self.located(rec, span)),
                    UnaryOp::Split => {
                        let items = v.enumerate();
                        let mut out = Vec::new();
                        for i in items {
                            out.extend(ops::split(&i, None, None, false).map_err(|r| self.located(r, span))?.enumerate());
                        }
                        Ok(Value::array(out))
                    }
                    _ => unreachable!("handled above"),
                }
            }
        }
    }

    fn eval_binary(&mut self, op: BinaryOp, left: &Expr, right: &Expr, span: Span) -> EvalResult<Value> {
        match op {
            BinaryOp::And => {
                let l = to_bool(&self.eval_expr(left)?);
                return Ok(Value::Bool(l && to_bool(&self.eval_expr(right)?)));
            }
            BinaryOp::Or => {
                let l = to_bool(&self.eval_expr(left)?);
                return Ok(Value::Bool(l || to_bool(&self.eval_expr(right)?)));
            }
            _ => {}
        }
        let l = self.eval_expr(left)?;
        let r = self.eval_expr(right)?;
        if let Some(v) = int_binary(op, &l, &r) {
            return Ok(v);
        }
        let result = match op {
            BinaryOp::Add => ops::add(&l, &r),
            BinaryOp::Sub => ops::sub(&l, &r),
            BinaryOp::Mul => ops::mul(&l, &r),
            BinaryOp::Div => ops::div(&l, &r),
            BinaryOp::Rem => ops::rem(&l, &r),
            BinaryOp::Xor => Ok(Value::Bool(to_bool(&l) ^ to_bool(&r))),
            BinaryOp::Band => ops::bitwise(&l, &r, |a, b| a & b).map(|v| self.of_enum_operand(&l, v)),
            BinaryOp::Bor => ops::bitwise(&l, &r, |a, b| a | b).map(|v| self.of_enum_operand(&l, v)),
            BinaryOp::Bxor => ops::bitwise(&l, &r, |a, b| a ^ b).map(|v| self.of_enum_operand(&l, v)),
            BinaryOp::Shl => ops::bitwise(&l, &r, |a, b| a.wrapping_shl(b as u32)),
            BinaryOp::Shr => ops::bitwise(&l, &r, |a, b| a.wrapping_shr(b as u32)),
            BinaryOp::Range => return self.range(&l, &r, span),
            BinaryOp::Format => {
                let args = match &r {
                    Value::Array(a) => a.borrow().clone(),
                    other => vec![other.clone()],
                };
                ops::format(&to_string(&l), &args)
            }
            BinaryOp::Is | BinaryOp::IsNot => {
                let is = self.is_instance(&l, &r).map_err(|rec| self.located(rec, span))?;
                Ok(Value::Bool(if op == BinaryOp::Is { is } else { !is }))
            }
            BinaryOp::As => match &r {
                Value::Type(t) if t.class.is_some() => Ok(self.convert_to(&l, t, span).unwrap_or(Value::Null)),
                Value::Type(t) => Ok(convert::convert(&l, t).unwrap_or(Value::Null)),
                other => match self.types.resolve(&to_string(other), false) {
                    Some(t) => Ok(convert::convert(&l, &t).unwrap_or(Value::Null)),
                    None => Ok(Value::Null),
                },
            },
            BinaryOp::Cmp(cmp, cs) => return self.compare_op(cmp, cs, &l, &r, span),
            BinaryOp::And | BinaryOp::Or => unreachable!("short-circuited above"),
        };
        result.map_err(|rec| self.located(rec, span))
    }

    /// `l -is r` as 5.1's ParserOps.IsOperator: a right operand that is no type is converted to
    /// one (`'string'` names [string]; a name of no type is the conversion's error), and
    /// `[psobject]` holds only what 5.1 wraps in a PSObject — objects, not a bare string,
    /// number or hashtable.
    fn is_instance(&self, l: &Value, r: &Value) -> Result<bool, ErrorRecord> {
        let t = match r {
            Value::Type(t) => t.clone(),
            Value::Null => {
                return Err(ErrorRecord::runtime("The right operand of '-is' must be a type.", "IsOperatorRequiresType", ErrorCategory::InvalidOperation))
            }
            other => match if let Value::Str(name) = other { self.types.resolve(name.trim(), false) } else { None } {
                Some(t) => t,
                None => return Err(ErrorRecord::runtime(convert::invalid_cast(other, "System.Type"), "RuntimeException", ErrorCategory::NotSpecified)),
            },
        };
        if t.kind == TypeKind::PSObject && !t.is_array {
            return Ok(matches!(l, Value::Object(o) if o.borrow().class.is_none()));
        }
        Ok(super::dotnet::registry::value_is(l, &t))
    }

    fn range(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<Value> {
        let (a, b) = self.range_bounds(l, r, span)?;
        Ok(Value::array(range_values(a, b).collect()))
    }

    /// The ends of `l..r` as ints, with the errors of a bound that is no int and of a range
    /// too long to hold.
    fn range_bounds(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<(i64, i64)> {
        let conv = |v: &Value| convert::convert(v, &TypeRef::of(TypeKind::Int));
        let (a, b) = match (conv(l), conv(r)) {
            (Ok(Value::Int(a)), Ok(Value::Int(b))) => (a as i64, b as i64),
            (Err(m), _) | (_, Err(m)) => return Err(self.located(ErrorRecord::runtime(m, "RuntimeException", ErrorCategory::InvalidArgument), span)),
            _ => (0, 0),
        };
        if let Err(rec) = limits::check_elements((a - b).unsigned_abs() as usize + 1) {
            return Err(self.located(rec, span));
        }
        Ok((a, b))
    }

    /// `e` when it is a range (`1..1000000`): its ends, evaluated and checked as the range
    /// would be, so that its numbers can be sent one by one rather than made into an array
    /// first (whose memory the kernel must zero: 16 % of a million-record pipeline).
    pub(super) fn range_ends(&mut self, e: &Expr) -> EvalResult<Option<(i64, i64)>> {
        let ExprKind::Binary { op: BinaryOp::Range, left, right } = &e.kind else { return Ok(None) };
        let l = self.eval_expr(left)?;
        let r = self.eval_expr(right)?;
        self.range_bounds(&l, &r, e.span).map(Some)
    }

    fn compare_op(&mut self, cmp: CmpOp, cs: bool, l: &Value, r: &Value, span: Span) -> EvalResult<Value> {
        use CmpOp::*;
        match cmp {
            Contains | NotContains => {
                let found = l.enumerate().iter().any(|x| ops::equals(x, r, cs)) || (l.is_null() && r.is_null());
                return Ok(Value::Bool(found == (cmp == Contains)));
            }
            In | NotIn => {
                let found = r.enumerate().iter().any(|x| ops::equals(x, l, cs)) || (l.is_null() && r.is_null());
                return Ok(Value::Bool(found == (cmp == In)));
            }
            Join => {
                let sep = to_string(r);
                return limits::join(l.enumerate().iter().map(to_string), &sep).map(Value::str).map_err(|rec| self.located(rec, span));
            }
            Split => {
                // `$null -split x` splits one empty string.
                let items = if l.is_null() { vec![Value::str("")] } else { l.enumerate() };
                return self.split_operator(items, r, cs, span);
            }
            Replace => {
                let (pattern, replacement) = match r {
                    Value::Array(a) => {
                        let a = a.borrow();
                        (a.first().cloned().unwrap_or(Value::Null), a.get(1).cloned().unwrap_or(Value::str("")))
                    }
                    other => (other.clone(), Value::str("")),
                };
                if let Value::Array(items) = l {
                    let mut out = Vec::new();
                    for i in items.borrow().iter() {
                        out.push(ops::replace(i, &pattern, &replacement, cs).map_err(|rec| self.located(rec, span))?);
                    }
                    return Ok(Value::array(out));
                }
                return ops::replace(l, &pattern, &replacement, cs).map_err(|rec| self.located(rec, span));
            }
            _ => {}
        }
        if let Value::Array(items) = l {
            // A collection on the left filters it.
            let items = items.borrow().clone();
            let mut out = Vec::new();
            for i in items {
                if self.scalar_compare(cmp, cs, &i, r, span, false)? {
                    out.push(i);
                }
            }
            return Ok(Value::array(out));
        }
        Ok(Value::Bool(self.scalar_compare(cmp, cs, l, r, span, true)?))
    }

    fn scalar_compare(&mut self, cmp: CmpOp, cs: bool, l: &Value, r: &Value, span: Span, set_matches: bool) -> EvalResult<bool> {
        use std::cmp::Ordering;
        use CmpOp::*;
        Ok(match cmp {
            Eq => ops::equals(l, r, cs),
            Ne => !ops::equals(l, r, cs),
            Gt | Ge | Lt | Le => {
                let Some(o) = ops::compare(l, r, cs) else {
                    return Err(self.located(
                        ErrorRecord::runtime(
                            format!("Cannot compare \"{}\" to \"{}\" because the objects are not the same type or the object \"{}\" does not implement \"IComparable\".", to_string(l), to_string(r), to_string(l)),
                            "NotIcomparable",
                            ErrorCategory::InvalidOperation,
                        ),
                        span,
                    ));
                };
                match cmp {
                    Gt => o == Ordering::Greater,
                    Ge => o != Ordering::Less,
                    Lt => o == Ordering::Less,
                    _ => o != Ordering::Greater,
                }
            }
            Like => ops::like(l, r, cs),
            NotLike => !ops::like(l, r, cs),
            Match | NotMatch => {
                let (m, table) = ops::match_scalar(l, r, cs).map_err(|rec| self.located(rec, span))?;
                if set_matches {
                    if let Some(t) = table {
                        self.set_var("Matches", None, Value::hashtable(t))?;
                    }
                }
                m == (cmp == Match)
            }
            _ => false,
        })
    }

    fn eval_cast(&mut self, ty: &TypeName, operand: &Expr, span: Span) -> EvalResult<Value> {
        let t = self.resolve_type(ty)?;
        if t.kind == TypeKind::Ref && !t.is_array {
            return self.make_reference(operand);
        }
        let v = self.eval_expr(operand)?;
        if t.kind == TypeKind::Void {
            return Ok(Value::Null);
        }
        if t.kind == TypeKind::String && !t.is_array {
            if let Some(text) = self.class_to_string(&v)? {
                return Ok(Value::str(text));
            }
        }
        self.convert_to(&v, &t, span)
    }

    /// `[ref]$x` refers to the variable itself (made in the current scope if it is not
    /// there yet, as an out argument's variable is); `[ref]` of any other expression boxes
    /// its value, and of a reference is that reference.
    fn make_reference(&mut self, operand: &Expr) -> EvalResult<Value> {
        use super::dotnet::reference::{is_reference, reference_value, Reference};
        // $null, $true and $false compile to constants in 5.1, so `[ref]$null` refers to a value
        // of its own, not to a variable named null.
        let constant = |name: &str| ["null", "true", "false"].iter().any(|c| name.eq_ignore_ascii_case(c));
        if let ExprKind::Variable { name, scope: None, .. } = &operand.kind {
            if constant(name) {
                return Ok(reference_value(Reference::Value(self.eval_expr(operand)?)));
            }
            let scope = match self.scope_defining(name) {
                Some(s) => s,
                None => {
                    let here = self.current.clone();
                    self.set_variable_in(&here, name, Value::Null, None, false)?;
                    here
                }
            };
            let held = scope.borrow().vars.get(&name.to_ascii_lowercase()).map(|v| v.value.clone());
            if let Some(existing) = held.filter(is_reference) {
                return Ok(existing);
            }
            return Ok(reference_value(Reference::Variable { scope, name: name.to_ascii_lowercase() }));
        }
        let v = self.eval_expr(operand)?;
        Ok(if is_reference(&v) { v } else { reference_value(Reference::Value(v)) })
    }

    /// A failed conversion of `v` to `t` (a cast, `.ForEach([T])`), with 5.1's error id.
    pub(super) fn cast_error(&self, v: &Value, t: &TypeRef, message: String, span: Span) -> Flow {
        let id = match (v, t.kind) {
            (Value::Str(_), TypeKind::Int | TypeKind::Long | TypeKind::UInt | TypeKind::ULong) => "InvalidCastFromStringToInteger",
            _ => "ConvertToFinalInvalidCastException",
        };
        let mut rec = ErrorRecord::runtime(message, id, ErrorCategory::InvalidArgument);
        // The RuntimeException wraps LanguagePrimitives' PSInvalidCastException, which
        // `catch [System.InvalidCastException]` takes.
        rec.inner_exception = Some(super::exceptions::PS_INVALID_CAST.into());
        self.located(rec, span)
    }

    // ---------------------------------------------------------------- assignment

    pub fn assign(&mut self, target: &Expr, op: AssignOp, value: Value) -> EvalResult<()> {
        if let (AssignOp::Add, ExprKind::Variable { scope, key, .. }) = (op, &target.kind) {
            if self.append_in_place(key, scope.as_deref(), &value) {
                return Ok(());
            }
        }
        let value = if op == AssignOp::Assign {
            value
        } else {
            let current = self.eval_expr(target)?;
            let (binary, general): (_, fn(&Value, &Value) -> ops::OpResult) = match op {
                AssignOp::Add => (BinaryOp::Add, ops::add),
                AssignOp::Sub => (BinaryOp::Sub, ops::sub),
                AssignOp::Mul => (BinaryOp::Mul, ops::mul),
                AssignOp::Div => (BinaryOp::Div, ops::div),
                AssignOp::Rem => (BinaryOp::Rem, ops::rem),
                AssignOp::Assign => unreachable!("plain assignment handled above"),
            };
            let r = int_binary(binary, &current, &value).map(Ok).unwrap_or_else(|| general(&current, &value));
            r.map_err(|rec| self.located(rec, target.span))?
        };
        match &target.kind {
            ExprKind::Variable { name, scope, key } => {
                if scope.as_deref() == Some("env") {
                    let text = to_string(&value);
                    if value.is_null() || text.is_empty() {
                        self.env.remove(&name.to_ascii_lowercase());
                    } else {
                        self.env.insert(name.to_ascii_lowercase(), (name.clone(), text));
                    }
                    return Ok(());
                }
                if scope.as_deref() == Some("function") {
                    return self.assign_function_variable(name, value, target.span);
                }
                self.set_var_spelled(name, key, scope.as_deref(), value).map_err(|f| self.relocate(super::variables::renamed_not_writable(f, name), target.span))
            }
            ExprKind::Cast { ty, operand } => {
                let t = self.resolve_type(ty)?;
                match &operand.kind {
                    ExprKind::Variable { name, scope, .. } => self.set_typed_var(name, scope.as_deref(), value, t).map_err(|f| self.relocate(f, target.span)),
                    _ => {
                        let v = convert::convert(&value, &t).map_err(|m| self.located(ErrorRecord::runtime(m, "RuntimeException", ErrorCategory::InvalidArgument), target.span))?;
                        self.assign(operand, AssignOp::Assign, v)
                    }
                }
            }
            ExprKind::Member { target: obj, name, is_static } => {
                let o = self.eval_expr(obj)?;
                let n = self.member_name(name)?;
                match &o {
                    Value::Type(t) if *is_static && t.class.is_some() => {
                        let class = t.class.clone().expect("matched as a class");
                        if self.set_class_static(&class, &n, value.clone(), target.span)? {
                            return Ok(());
                        }
                    }
                    Value::Object(ob) if ob.borrow().class.is_some() => {
                        let class = ob.borrow().class.clone().expect("matched as a class");
                        return self.set_class_property(&o, &class, &n, value, target.span);
                    }
                    _ => {}
                }
                self.set_member(&o, &n, value).map_err(|rec| self.located(rec, target.span))
            }
            ExprKind::Index { target: obj, index } => {
                let o = self.eval_expr(obj)?;
                let i = self.eval_expr(index)?;
                self.set_index(&o, &i, value).map_err(|rec| self.located(rec, target.span))
            }
            ExprKind::ArrayLiteral(targets) => {
                let items = value.enumerate();
                for (i, t) in targets.iter().enumerate() {
                    let v = if i + 1 == targets.len() && items.len() > targets.len() {
                        Value::array(items[i..].to_vec())
                    } else {
                        items.get(i).cloned().unwrap_or(Value::Null)
                    };
                    self.assign(t, AssignOp::Assign, v)?;
                }
                Ok(())
            }
            _ => Err(self.located(
                ErrorRecord::runtime("The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", "InvalidLeftHandSide", ErrorCategory::ParserError),
                target.span,
            )),
        }
    }

    fn relocate(&self, f: Flow, span: Span) -> Flow {
        match f {
            Flow::Error(rec) if rec.invocation.is_none() => self.located((*rec).clone(), span),
            other => other,
        }
    }

    // ---------------------------------------------------------------- indexing

    pub fn index_value(&mut self, t: &Value, i: &Value, span: Span) -> EvalResult<Value> {
        if let Value::Array(idx) = i {
            if !matches!(t, Value::Hashtable(_)) {
                let idx = idx.borrow().clone();
                let mut out = Vec::new();
                for x in idx {
                    let v = self.index_value(t, &x, span)?;
                    if !v.is_null() {
                        out.push(v);
                    }
                }
                return Ok(Value::array(out));
            }
        }
        match t {
            Value::Null => Err(self.located(ErrorRecord::runtime("Cannot index into a null array.", "NullArray", ErrorCategory::InvalidOperation), span)),
            Value::Array(_) | Value::List(_) => {
                let a = t.enumerate();
                if let Value::Str(key) = i {
                    if convert::to_num(i).is_none() {
                        return Ok(super::dotnet::regex::group_by_name(&a, key).unwrap_or(Value::Null));
                    }
                }
                let item = resolve_index(i, a.len()).and_then(|n| a.get(n).cloned());
                self.strict_index(item, matches!(t, Value::List(_)), span)
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let item = resolve_index(i, chars.len()).and_then(|n| chars.get(n).copied()).map(Value::Char);
                self.strict_index(item, false, span)
            }
            Value::Hashtable(h) => Ok(h.borrow().get(i).cloned().unwrap_or(Value::Null)),
            Value::Object(o) => Ok(o.borrow().get(&to_string(i)).cloned().unwrap_or(Value::Null)),
            other => {
                if matches!(resolve_index(i, 1), Some(0)) {
                    Ok(other.clone())
                } else {
                    Err(self.located(
                        ErrorRecord::runtime(
                            format!("Unable to index into an object of type {}.", other.type_name()),
                            "CannotIndex",
                            ErrorCategory::InvalidOperation,
                        ),
                        span,
                    ))
                }
            }
        }
    }

    fn set_index(&mut self, t: &Value, i: &Value, value: Value) -> Result<(), ErrorRecord> {
        if let Value::List(l) = t {
            return super::dotnet::collections::set_item(l, i, value);
        }
        match t {
            Value::Array(a) => {
                let mut a = a.borrow_mut();
                let len = a.len();
                match resolve_index(i, len) {
                    Some(n) if n < len => {
                        a[n] = value;
                        Ok(())
                    }
                    _ => Err(ErrorRecord::runtime(
                        "Index was outside the bounds of the array.",
                        "System.IndexOutOfRangeException",
                        ErrorCategory::OperationStopped,
                    )),
                }
            }
            Value::Hashtable(h) => {
                h.borrow_mut().insert(i.clone(), value);
                Ok(())
            }
            Value::Null => Err(ErrorRecord::runtime("Cannot index into a null array.", "NullArray", ErrorCategory::InvalidOperation)),
            Value::Object(_) => self.set_member(t, &to_string(i), value),
            other => Err(ErrorRecord::runtime(
                format!("Unable to index into an object of type {}.", other.type_name()),
                "CannotIndex",
                ErrorCategory::InvalidOperation,
            )),
        }
    }
}

/// A PowerShell index (negative counts from the end) as a position, if in range.
fn resolve_index(i: &Value, len: usize) -> Option<usize> {
    let n = convert::to_num(i)?.as_f64() as i64;
    let n = if n < 0 { len as i64 + n } else { n };
    (n >= 0 && (n as usize) < len).then_some(n as usize)
}

/// The numbers from `a` to `b`, counting down when `b` is smaller.
pub(super) fn range_values(a: i64, b: i64) -> impl Iterator<Item = Value> {
    let step = if a <= b { 1 } else { -1 };
    (0..=(b - a).abs()).map(move |k| Value::Int((a + step * k) as i32))
}
