#ifndef LAPORDESK_CNCURSESW_SHIM_H
#define LAPORDESK_CNCURSESW_SHIM_H
/*
 * The C side of CursesTerminal: ncursesw with the wide-character API switched on, plus small
 * static inline wrappers for what Swift cannot import (function-like and struct-valued macros,
 * globals that Swift 6 refuses as shared mutable state) and an async-signal-safe terminal restore.
 *
 * NOTE: an incremental build does not notice edits to this header; delete .build after changing it.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <stdlib.h>
#include <ncursesw/curses.h>

/* wcwidth is hidden from Swift's Glibc module; declared here for checks against glibc's table. */
extern int wcwidth(wchar_t c);
static inline int lapor_wcwidth(wchar_t c) { return wcwidth(c); }

/* ---- Globals, read through functions ---- */
static inline WINDOW *lapor_stdscr(void) { return stdscr; }
static inline int lapor_lines(void) { return LINES; }
static inline int lapor_cols(void) { return COLS; }
static inline int lapor_colors(void) { return COLORS; }
static inline int lapor_color_pairs(void) { return COLOR_PAIRS; }
static inline int lapor_escdelay(void) { return ESCDELAY; }
/* Makes the next refresh repaint the whole terminal (after something else scribbled on it). */
static inline void lapor_clear_on_next_refresh(void) { clearok(curscr, TRUE); }

/* ---- Attribute and key macros ---- */
static inline attr_t lapor_a_normal(void) { return A_NORMAL; }
static inline attr_t lapor_a_bold(void) { return A_BOLD; }
static inline attr_t lapor_a_dim(void) { return A_DIM; }
static inline attr_t lapor_a_italic(void) { return A_ITALIC; }
static inline attr_t lapor_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lapor_a_reverse(void) { return A_REVERSE; }
static inline int lapor_key_f(int n) { return KEY_F(n); }

/* ---- Cells with extended colour pairs (beyond 256 pairs) ---- */
static inline int lapor_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, 0, &pair);
}
static inline int lapor_getcchar(const cchar_t *cell, wchar_t *text, attr_t *attrs, int *pair) {
    short legacy = 0;
    return getcchar(cell, text, attrs, &legacy, pair);
}
static inline int lapor_ccharw_max(void) { return CCHARW_MAX; }

/* ---- Mouse masks ---- */
static inline mmask_t lapor_mouse_mask_wanted(void) {
    return BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int lapor_mouse_button(mmask_t state) {
    if (state & BUTTON1_PRESSED) return 1;
    if (state & BUTTON2_PRESSED) return 2;
    if (state & BUTTON3_PRESSED) return 3;
    if (state & BUTTON4_PRESSED) return 4;
    if (state & BUTTON5_PRESSED) return 5;
    return 0;
}

/* ---- Terminal restore on signals ----
 * The state below is file-static, so ONLY ONE Swift file (SignalGuard.swift) may call these
 * functions: each Swift object file that uses a static inline function gets its own copy of it. */
static struct termios lapor_saved_termios = {0};
static volatile sig_atomic_t lapor_have_termios = 0;
static volatile sig_atomic_t lapor_guard_active = 0;
static int lapor_tty_fd = -1;
static int lapor_out_fd = 1;
static int lapor_pipe_write_fd = -1;
static struct sigaction lapor_previous_actions[NSIG] = {{{0}}};

static const int lapor_fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT };
static const int lapor_shutdown_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define LAPOR_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Puts the terminal back as it was before curses: saved termios, then reset sequences (mouse
 * reporting off, bracketed paste off, attributes off, cursor visible, leave the alternate screen).
 * Only async-signal-safe calls. */
static inline void lapor_restore_terminal_now(void) {
    static const char reset[] =
        "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[0m\033[?25h\033[?1049l\r\n";
    if (lapor_have_termios) (void)tcsetattr(lapor_tty_fd, TCSANOW, &lapor_saved_termios);
    ssize_t written = write(lapor_out_fd, reset, sizeof reset - 1);
    (void)written;
}

static void lapor_fatal_signal_handler(int sig) {
    int saved_errno = errno;
    if (lapor_guard_active) {
        lapor_guard_active = 0;
        lapor_restore_terminal_now();
    }
    /* Hand the signal to whoever had it before (Swift's backtracer or the default action): the
     * re-raised signal stays pending until this handler returns. */
    (void)sigaction(sig, &lapor_previous_actions[sig], NULL);
    (void)raise(sig);
    errno = saved_errno;
}

static void lapor_shutdown_signal_handler(int sig) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)sig;
    if (lapor_pipe_write_fd >= 0) {
        ssize_t written = write(lapor_pipe_write_fd, &byte, 1);
        (void)written;
    }
    errno = saved_errno;
}

static void lapor_restore_at_exit(void) {
    if (lapor_guard_active) {
        lapor_guard_active = 0;
        lapor_restore_terminal_now();
    }
}

/* Saves the termios of tty_fd (before curses changes it) and installs the handlers. Shutdown
 * signals write their number to pipe_write_fd (-1: leave them alone). Returns 0, or -1 with errno. */
static inline int lapor_install_signal_guard(int tty_fd, int out_fd, int pipe_write_fd) {
    static int registered_atexit = 0;
    lapor_tty_fd = tty_fd;
    lapor_out_fd = out_fd;
    lapor_have_termios = (tcgetattr(tty_fd, &lapor_saved_termios) == 0);
    lapor_pipe_write_fd = pipe_write_fd;
    if (!registered_atexit) {
        registered_atexit = 1;
        (void)atexit(lapor_restore_at_exit);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    action.sa_handler = lapor_fatal_signal_handler;
    for (int i = 0; i < LAPOR_COUNT(lapor_fatal_signals); i++) {
        int sig = lapor_fatal_signals[i];
        if (sigaction(sig, &action, &lapor_previous_actions[sig]) != 0) return -1;
    }
    if (pipe_write_fd >= 0) {
        action.sa_handler = lapor_shutdown_signal_handler;
        action.sa_flags = 0; /* no SA_RESTART: interrupt poll(2) so the loop notices at once */
        for (int i = 0; i < LAPOR_COUNT(lapor_shutdown_signals); i++) {
            int sig = lapor_shutdown_signals[i];
            if (sigaction(sig, &action, &lapor_previous_actions[sig]) != 0) return -1;
        }
    }
    lapor_guard_active = 1;
    return 0;
}

/* Puts the previous handlers back (after endwin on a normal exit). */
static inline void lapor_remove_signal_guard(void) {
    if (!lapor_guard_active && lapor_pipe_write_fd < 0) return;
    lapor_guard_active = 0;
    for (int i = 0; i < LAPOR_COUNT(lapor_fatal_signals); i++) {
        int sig = lapor_fatal_signals[i];
        (void)sigaction(sig, &lapor_previous_actions[sig], NULL);
    }
    if (lapor_pipe_write_fd >= 0) {
        for (int i = 0; i < LAPOR_COUNT(lapor_shutdown_signals); i++) {
            int sig = lapor_shutdown_signals[i];
            (void)sigaction(sig, &lapor_previous_actions[sig], NULL);
        }
    }
    lapor_pipe_write_fd = -1;
}

/* Restores the terminal immediately (e.g. before printing a fatal error) if the guard is active. */
static inline void lapor_emergency_restore(void) { lapor_restore_at_exit(); }

#endif
