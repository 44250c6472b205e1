//! What the classic deployment model may do with a circuit that has a Resource Manager face
//! (expressroute-move 2016-04, AZ §3.7). `allowClassicOperations` false: the circuit is not
//! there for the classic cmdlets (its classic links stay). True: they may read the circuit and
//! manage its VNet links and link authorizations, but its BGP peerings, its terms and its
//! deletion belong to Resource Manager. A classic circuit is the classic cmdlets' own. The
//! provider side and the simulation controls act on the service key whatever the model.

use super::errors;
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::errors::{CloudError, CloudResult};
use crate::cloud::world::{ServiceKey, SubscriptionId, World};

impl CircuitRecord {
    /// Whether the classic cmdlets see the circuit.
    pub(crate) fn classic_visible(&self) -> bool {
        self.arm.as_ref().is_none_or(|f| f.allow_classic_operations)
    }
}

impl World {
    /// The caller's circuit as the classic cmdlets may see it.
    pub(crate) fn classic_circuit(&self, caller: &SubscriptionId, key: &ServiceKey, missing: fn(&uuid::Uuid) -> CloudError) -> CloudResult<&CircuitRecord> {
        self.owned_circuit(caller, key, missing).and_then(|c| if c.classic_visible() { Ok(c) } else { Err(missing(key)) })
    }

    /// The caller's circuit for a classic operation on its lifecycle (BGP peerings, terms,
    /// deletion): refused once the circuit is managed in Resource Manager.
    pub(crate) fn classic_lifecycle(&self, caller: &SubscriptionId, key: &ServiceKey, missing: fn(&uuid::Uuid) -> CloudError) -> CloudResult<&CircuitRecord> {
        let circuit = self.classic_circuit(caller, key, missing)?;
        if circuit.arm.is_some() {
            return Err(errors::classic_operation_not_allowed());
        }
        Ok(circuit)
    }
}
