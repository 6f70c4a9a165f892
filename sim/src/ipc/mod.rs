//! Kernel IPC objects, one file each; each owns its state and decides
//! when a caller must wait.

pub mod inet;
pub mod lock;
pub mod message;
pub mod mq;
pub mod pipe;
pub mod sem;
pub mod shm;
pub mod socket;
pub mod sockname;
pub mod sysv;
