package main

import (
	"errors"
	"fmt"
	"log"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func lookup(k string) error {
	if k == "" {
		return nil
	}
	return &NotFound{k}
}

func main() {
	log.SetFlags(0)
	c := Celsius(21.5)
	fmt.Println(c, Point{1, 2})
	fmt.Printf("%v %s %d %T %q\n", Point{3, 4}, Point{5, 6}, Point{7, 8}, Point{}, c)
	err := lookup("k1")
	fmt.Println(err, lookup("") == nil)
	fmt.Printf("err: %v\n", err)
	w := fmt.Errorf("lookup: %w", err)
	fmt.Println(w, c)
	var nf *NotFound
	if errors.As(w, &nf) {
		fmt.Println("as:", nf.Key, nf)
	}
	var s fmt.Stringer = c
	fmt.Println(s.String(), s)
	msg := fmt.Sprint(Point{9, 9}, "|", c)
	log.Println("log:", msg, err)
}
