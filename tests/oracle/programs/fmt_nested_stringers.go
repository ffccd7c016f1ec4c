// fmt_nested_stringers.go — fmt calls String and Error on values inside what it prints, as
// printValue's handleMethods does per element: a slice of Stringers, a map of them, a
// struct's exported fields (not its unexported ones: reflect cannot Interface them), an
// array, errors in a slice, pointers inside a slice (a nil one prints <nil>).
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "red"
	case 1:
		return "green"
	}
	return "color(" + strconv.Itoa(int(c)) + ")"
}

type Point struct{ X, Y int }

func (p *Point) String() string { return "P" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) }

type Pixel struct {
	At    Color
	Name  string
	shade Color
}

func main() {
	colors := []Color{0, 1, 2, 1000}
	fmt.Println(colors)
	fmt.Printf("%v %d %s %q\n", colors, colors, colors, colors)
	byName := map[string]Color{"a": 0, "b": 1, "c": 7}
	fmt.Println(byName)
	fmt.Printf("%+v\n", Pixel{At: 1, Name: "px", shade: 0})
	fmt.Println([2]Color{1, 0})
	pts := []*Point{{1, 2}, {3, 4}, nil}
	fmt.Println(pts)
	fmt.Println([]Point{{5, 6}})
	errs := []error{errors.New("first"), fmt.Errorf("second: %w", errors.New("inner"))}
	fmt.Println(errs)
	keyed := map[Color]int{0: 10, 1: 20}
	fmt.Println(keyed)
	fmt.Println([]any{Color(1), 2, "three", Color(300)})

}
