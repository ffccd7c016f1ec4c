package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

var ErrNotFound = errors.New("not found")

func find(m map[string]int, k string) (int, error) {
	v, ok := m[k]
	if !ok {
		return 0, fmt.Errorf("find %q: %w", k, ErrNotFound)
	}
	return v, nil
}

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + strconv.Itoa(v)
	case string:
		return "string " + v
	case Shape:
		return "shape " + v.Name()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Println(s.Name(), s.Area())
	}
	fmt.Println("total", total)
	m := map[string]any{"a": 1, "b": "two", "c": 3.5}
	fmt.Println(m["a"], m["b"], m["c"], len(m))
	if n, ok := m["a"].(int); ok {
		fmt.Println("a is int", n+1)
	}
	_, ok := m["b"].(int)
	fmt.Println("b is int?", ok)
	fmt.Println(describe(nil), describe(42), describe("hi"), describe(Rect{1, 1}), describe(2.5))
	_, err := find(map[string]int{"x": 1}, "y")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	n, err := strconv.Atoi("123")
	fmt.Println(n, err, err == nil)
	n, err = strconv.Atoi("12a")
	if err != nil {
		fmt.Println("error:", err, n)
	}
	var e error
	fmt.Println(e == nil, e)
	fmt.Printf("%v %T %T %d\n", m["a"], m["b"], err, m["a"])
}
