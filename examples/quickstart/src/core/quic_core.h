#ifndef QUIC_CORE_H
#define QUIC_CORE_H

typedef struct QUIC_CONNECTION {
    unsigned int Id;
    unsigned int State;
    const char *TlsName;
} QUIC_CONNECTION;

int QuicConnOpen(QUIC_CONNECTION *conn, unsigned int id);
int QuicConnStep(QUIC_CONNECTION *conn, unsigned int event);
const char *QuicTlsProviderName(void);
int QuicTlsHandshake(QUIC_CONNECTION *conn, unsigned int step);

#endif
