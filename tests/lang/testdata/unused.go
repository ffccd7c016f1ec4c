package main

// unused.go: a program that does not compile (x declared and not used): the CLI exit-status test
func main() {
	x := 1
}
