package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) Label() string { return "C" }

type Labeler interface{ Label() string }

type Box struct {
	Name string
	Val  any
}

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }

type Getter interface{ Get() int }
type IncGetter interface {
	Getter
	Inc()
}

var ErrA = errors.New("a")

func pick(i int) error {
	if i == 0 {
		return nil
	}
	if i == 1 {
		return ErrA
	}
	return fmt.Errorf("wrapped %d: %w", i, ErrA)
}

func mk() Getter { return Counter{7} }

func main() {
	var l Labeler = Celsius(3)
	fmt.Println(l.Label(), l)
	m := map[any]int{}
	m[1] = 10
	m["x"] = 20
	m[Celsius(2)] = 30
	fmt.Println(m[1], m["x"], m[Celsius(2)], m[2], len(m))
	b := Box{"b", 42}
	fmt.Println(b, []any{1, "a", nil, 2.5})
	fmt.Printf("%v %+v\n", b, b)
	c := &Counter{}
	var ig IncGetter = c
	ig.Inc()
	ig.Inc()
	var g Getter = c
	fmt.Println(ig.Get(), g.Get(), c.n, mk().Get())
	for i := 0; i < 3; i++ {
		err := pick(i)
		fmt.Println(i, err == nil, err == ErrA, errors.Is(err, ErrA), err)
	}
	switch x := any(3); x.(type) {
	case int, string:
		fmt.Println("int or string", x)
	}
	var x any
	fmt.Println(x == nil, x)
	x = (*Counter)(nil)
	fmt.Println(x == nil)
	if gg, ok := x.(Getter); ok {
		fmt.Println("getter", gg != nil)
	}
}
