package main

import "fmt"

type Base struct {
	ID   int
	Tags []string
}

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }
func (b *Base) SetID(id int)    { b.ID = id }

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }

type User struct {
	Base
	*Logger
	Name string
}

type Describer interface{ Describe() string }
type IDSetter interface{ SetID(int) }

func main() {
	u := User{Base: Base{ID: 1}, Logger: &Logger{"> "}, Name: "ann"}
	fmt.Println(u.ID, u.Name, u.Describe())
	u.SetID(7)
	u.ID++
	u.Log("hello " + u.Name)
	u.Tags = append(u.Tags, "x")
	fmt.Println(u.Base.ID, u.ID, len(u.Tags))
	var d Describer = u
	fmt.Println(d.Describe())
	var s IDSetter = &u
	s.SetID(42)
	fmt.Println(u.ID, d.Describe())
	p := &u
	p.ID = 9
	fmt.Printf("%v %+v\n", p.Base, u.Base)
}
