// printf_hex_array.go — KNOWN GAP: %x of a byte array.
//
// Real Go formats a [N]byte (and []byte) with %x as one hex string ("010203"); gomapsim
// printed it element by element ("[1 2 3]").
package main

import "fmt"

func main() {
	arr := [3]byte{1, 2, 3}
	fmt.Printf("%v %x %d\n", arr, arr, arr)
	key := [4]byte{0xde, 0xad, 0xbe, 0xef}
	m := map[[4]byte]int{key: 1}
	fmt.Printf("key=%x len=%d\n", key, len(m))
}
