fn main() {
    println!("chunav");
}
