//! New-Guid, and Get-Random as 5.1's GetRandomCommand: a number in [Minimum, Maximum) whose type follows
//! the bounds (int, long or double), or items drawn from the input without repeats, in a
//! random order. Randomness comes from the world's id generator (one draw per call), so a
//! seeded world repeats its numbers; `-SetSeed` repeats them whatever the world. The numbers
//! are ersim's own sequence, not .NET's System.Random one.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{parse_number, to_num};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

const NUMBER: &str = "RandomNumberParameterSet";
const LIST: &str = "RandomListItemParameterSet";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("New-Guid", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.NewGuidCommand", || Box::new(NewGuid))
            .outputs("System.Guid")
            .synopsis("Creates a GUID.")
            .description("Writes a new System.Guid, drawn from the world's id generator, so a seeded world (ERSIM_SEED, Set-ErSimSeed) repeats it.")
            .example("A unique name", "\"lab-$(New-Guid)\"", "lab- followed by a new GUID."),
        get_random(),
    ]
}

struct NewGuid;

impl Cmdlet for NewGuid {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let g = ctx.interp.new_guid();
        ctx.emit(Value::Guid(g))
    }
}

fn get_random() -> CommandInfo {
    CommandInfo::cmdlet("Get-Random", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.GetRandomCommand", || Box::new(GetRandom::default()))
        .param(ParamSpec::new("SetSeed", TypeKind::Int).help("Makes the numbers repeat: the same seed gives the same numbers."))
        .param(ParamSpec::new("Maximum", TypeKind::Object).position(0).in_set(NUMBER).help("The number is less than this (Int32.MaxValue by default)."))
        .param(ParamSpec::new("Minimum", TypeKind::Object).in_set(NUMBER).help("The number is at least this (0 by default)."))
        .param(ParamSpec::new("InputObject", TypeKind::Object).array().mandatory().position(0).pipeline().in_set(LIST).help("The items to draw from."))
        .param(ParamSpec::new("Count", TypeKind::Int).in_set(LIST).help("How many items to draw (1 by default)."))
        .default_set(NUMBER)
        .outputs("System.Int32")
        .synopsis("Gets a random number, or random items from a list.")
        .description("Numbers are in [Minimum, Maximum): int, long or double as the bounds are. Items are drawn without repeats. A seeded world (ERSIM_SEED, Set-ErSimSeed) repeats its draws.")
        .example("A VLAN id", "Get-Random -Minimum 100 -Maximum 4095", "A whole number from 100 to 4094.")
        .example("Two locations", "'London', 'Amsterdam', 'Dublin' | Get-Random -Count 2", "Two of the three, in a random order.")
}

/// SplitMix64: small, fast and good enough to draw lab numbers from one seed.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in [0, span), span > 0.
    fn below(&mut self, span: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as u64
    }

    /// [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[derive(Default)]
struct GetRandom {
    rng: Option<Rng>,
    count: usize,
    seen: usize,
    chosen: Vec<Value>,
}

/// A bound as GetRandomCommand takes it: a string is scanned as a number.
fn operand(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::Null => None,
        Value::Str(s) => parse_number(s),
        other => Some(other.clone()),
    }
}

fn min_not_below_max(ctx: &mut Ctx, min: String, max: String) -> crate::engine::Flow {
    let record = ErrorRecord::new(
        format!("The Minimum value ({min}) cannot be greater than or equal to the Maximum value ({max})."),
        "System.ArgumentException",
        ErrorCategory::InvalidArgument,
        format!("MinGreaterThanOrEqualMax,{}", ctx.command.class_name),
    );
    ctx.terminate(record)
}

impl GetRandom {
    fn number(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let (max, min) = (operand(args.get("Maximum")), operand(args.get("Minimum")));
        let Some(rng) = self.rng.as_mut() else { return Ok(()) };
        let is_int = |v: &Option<Value>| matches!(v, None | Some(Value::Int(_)));
        let is_long = |v: &Option<Value>| matches!(v, None | Some(Value::Int(_)) | Some(Value::Long(_)));
        let whole = |v: &Option<Value>, default: i64| match v {
            Some(Value::Int(i)) => i64::from(*i),
            Some(Value::Long(l)) => *l,
            _ => default,
        };
        if is_int(&max) && is_int(&min) {
            let (lo, hi) = (whole(&min, 0), whole(&max, i64::from(i32::MAX)));
            if lo >= hi {
                return Err(min_not_below_max(ctx, lo.to_string(), hi.to_string()));
            }
            let n = lo + rng.below((hi - lo) as u64) as i64;
            return ctx.emit(Value::Int(n as i32));
        }
        if is_long(&max) && is_long(&min) {
            let (lo, hi) = (whole(&min, 0), whole(&max, i64::MAX));
            if lo >= hi {
                return Err(min_not_below_max(ctx, lo.to_string(), hi.to_string()));
            }
            let span = (i128::from(hi) - i128::from(lo)) as u64;
            return ctx.emit(Value::Long((i128::from(lo) + i128::from(rng.below(span))) as i64));
        }
        let double = |v: &Option<Value>, default: f64| v.as_ref().and_then(to_num).map(|n| n.as_f64()).unwrap_or(default);
        let (lo, hi) = (double(&min, 0.0), double(&max, f64::MAX));
        if lo >= hi {
            let show = |d: f64| Value::Double(d).to_display_string();
            return Err(min_not_below_max(ctx, show(lo), show(hi)));
        }
        // Scaled as `min + r*max - r*min`, so that a span wider than a double holds stays finite,
        // and drawn again when rounding lands on the maximum (as GetRandomDouble does).
        let n = (0..64).map(|_| rng.unit()).map(|r| lo + r * hi - r * lo).find(|n| *n < hi).unwrap_or(lo);
        ctx.emit(Value::Double(n))
    }
}

impl Cmdlet for GetRandom {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let seed = match args.opt::<i64>("SetSeed") {
            Some(s) => s as u64,
            // One draw from the world per call: a seeded world repeats it.
            None => {
                let g = ctx.interp.new_guid();
                let b = g.as_bytes();
                u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[10], b[11]])
            }
        };
        self.rng = Some(Rng(seed));
        self.count = args.opt::<i64>("Count").map_or(1, |c| c.max(1) as usize);
        if args.set.as_deref() != Some(LIST) {
            return self.number(ctx, args);
        }
        Ok(())
    }

    /// A reservoir of `count` items: each item of the input ends up chosen with the same chance.
    fn process(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if args.set.as_deref() != Some(LIST) {
            return Ok(());
        }
        let Some(rng) = self.rng.as_mut() else { return Ok(()) };
        for item in args.get("InputObject").map(Value::enumerate).unwrap_or_default() {
            if self.seen < self.count {
                self.chosen.push(item);
            } else if (rng.below(self.seen as u64 + 1) as usize) < self.count {
                let at = rng.below(self.chosen.len() as u64) as usize;
                self.chosen[at] = item;
            }
            self.seen += 1;
        }
        Ok(())
    }

    /// The chosen items, shuffled so every order is as likely.
    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let Some(rng) = self.rng.as_mut() else { return Ok(()) };
        let n = self.chosen.len();
        for i in 0..n {
            let j = i + rng.below((n - i) as u64) as usize;
            self.chosen.swap(i, j);
        }
        ctx.emit_all(std::mem::take(&mut self.chosen))
    }
}
