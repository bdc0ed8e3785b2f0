// Command ferretdb runs an embedded FerretDB 1.24 (MongoDB wire protocol, SQLite storage) on loopback.
//
// It prints one JSON line {"uri": "..."} on stdout once the server accepts connections, and exits
// when it gets SIGTERM/SIGINT, or when its stdin closes if started with -exit-on-stdin-close.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dir := flag.String("dir", "", "directory for SQLite files (required)")
	addr := flag.String("listen", "127.0.0.1:0", "TCP address; port 0 picks a free port")
	exitOnStdin := flag.Bool("exit-on-stdin-close", false, "exit when stdin reaches EOF (parent process died)")
	flag.Parse()

	if *dir == "" {
		fail("-dir is required")
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		fail(err.Error())
	}

	listen, err := resolvePort(*addr)
	if err != nil {
		fail(err.Error())
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		fail(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if *exitOnStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	if err := waitListening(listen, done); err != nil {
		fail(err.Error())
	}
	line, _ := json.Marshal(map[string]string{"uri": "mongodb://" + listen + "/"})
	fmt.Println(string(line))

	if err := <-done; err != nil {
		fail(err.Error())
	}
}

// resolvePort replaces port 0 with a free port, so the URI can be printed before clients connect.
func resolvePort(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("bad -listen %q: %w", addr, err)
	}
	if port != "0" {
		return addr, nil
	}
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitListening(addr string, done <-chan error) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			return fmt.Errorf("ferretdb stopped during start: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("ferretdb did not listen on %s within 30s", addr)
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb:", msg)
	os.Exit(1)
}
