fn main() {
    std::process::exit(ersim::host::cli::main());
}
