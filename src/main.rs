// mimalloc: parsing and evaluation allocate many small, short-lived nodes,
// which glibc's allocator handles several times slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(ersim::host::cli::with_deep_stack(ersim::host::cli::main));
}
