//! The services the layers above lend the engine (the simulated cloud, its store), found
//! by type. Shared, not owned: the prompt's completion keeps a copy of the list so that
//! completers reach the same world the cmdlets act on.

use std::any::Any;
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct Services(Vec<Rc<dyn Any>>);

impl Services {
    pub fn add<T: Any>(&mut self, service: T) {
        self.0.push(Rc::new(service));
    }

    pub fn get<T: Any>(&self) -> Option<&T> {
        self.0.iter().find_map(|s| s.downcast_ref::<T>())
    }
}
