//! Cmdlets that need all their input before they can write anything (sorting,
//! formatting, JSON, Out-String) share this: keep the bound arguments, collect
//! every `InputObject`, and act once at the end of the pipeline.

use crate::engine::command::{Args, Cmdlet};
use crate::engine::limits;
use crate::engine::value::Value;
use crate::engine::{Ctx, EvalResult};

/// What a gathering cmdlet does with everything it received.
pub trait Finish {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Value>) -> EvalResult<()>;
}

/// Wraps a [`Finish`] into a cmdlet.
pub struct Gather<F> {
    finish: F,
    args: Args,
    items: Vec<Value>,
}

/// A boxed gathering cmdlet, for a `CommandInfo` factory.
pub fn gather<F: Finish + 'static>(finish: F) -> Box<dyn Cmdlet> {
    Box::new(Gather { finish, args: Args::default(), items: Vec::new() })
}

impl<F: Finish> Cmdlet for Gather<F> {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let Some(v) = args.get("InputObject") {
            // Gathering is where a runaway pipeline would exhaust memory: cap it as 5.1 runs out.
            limits::buffer(&mut self.items, v.clone()).map_err(|r| ctx.terminate(r))?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let items = std::mem::take(&mut self.items);
        self.finish.finish(ctx, &self.args, items)
    }
}
