// printf_bytes.go — fmt's byte verbs on byte arrays and slices, as map keys print them.
//
// fmt formats a [N]byte or []byte under %x, %X, %s and %q as one string of bytes
// (fmtBytes: "010203"), under %v and %d element by element ("[1 2 3]").
package main

import "fmt"

func main() {
	arr := [3]byte{1, 2, 3}
	fmt.Printf("%v %x %d\n", arr, arr, arr)
	key := [4]byte{0xde, 0xad, 0xbe, 0xef}
	m := map[[4]byte]int{key: 1}
	fmt.Printf("key=%x len=%d\n", key, len(m))
	b := []byte("hi")
	fmt.Printf("%x %X %s %q %v %x\n", b, b, b, b, b, "AZ")
	fmt.Printf("%q %s|\n", [2]byte{}, [2]byte{65, 66})
}
