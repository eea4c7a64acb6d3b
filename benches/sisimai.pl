#!/usr/bin/perl
# Times Sisimai (the reference bounce parser, Debian's libsisimai-perl) on
# the very files benches/throughput.rs gives our parser, so that the two
# can be compared as a ratio measured in one session.
#
# Only the parsing is timed: Perl's start-up, loading Sisimai and reading the
# files happen before the clock starts. Each file is read as raw bytes and
# given to Sisimai as a string (`Sisimai->make(\$bytes)`), one call per
# file, as the Rust side makes one `analyse` call per file. Sisimai 4.x loads
# its MTA modules on first use, so a warm-up pass runs before any timed one.
#
# Two ways to run it:
#
#   perl benches/sisimai.pl [--runs N] [--label NAME] FILE...
#       warms up, then parses every FILE N times (default 5) and prints one
#       line per run: NAME, seconds, files in which Sisimai found a bounce,
#       bounce records (one per recipient), files, bytes, calls that died.
#
#   perl benches/sisimai.pl --serve
#       what benches/throughput.rs uses: stays up and answers commands on
#       stdin, one per line, tab-separated, so that the Rust side can run
#       ours, Sisimai, ours, Sisimai... in one session:
#         load <TAB> NAME <TAB> FILE <TAB> FILE...  ->  loaded NAME files bytes
#         run <TAB> NAME                            ->  run NAME seconds found records files bytes died
#         quit
#       The first line it prints is "ready <TAB> VERSION", or "missing <TAB> why"
#       when Sisimai cannot be loaded.
#
# Counting what Sisimai found keeps the comparison honest: a parse that
# finds nothing is cheap, and the table must show when that happens.
use strict;
use warnings;
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC);

$| = 1;

my $serve = grep { $_ eq '--serve' } @ARGV;
unless ( eval { require Sisimai; 1 } ) {
    my $why = $@ =~ s/ \(.*//sr =~ s/\n.*//sr;
    my $hint = "cannot load Sisimai (apt-get install libsisimai-perl): $why";
    if ($serve) { print "missing\t$hint\n"; exit 0 }
    die "$hint\n";
}
# Sisimai->make loads these itself on the first call; loading them here keeps
# that out of the warm-up's way as well.
require Sisimai::Data;
require Sisimai::Message;
require Sisimai::Mail;

# Reads every file into memory, as raw bytes.
sub slurp {
    my @inputs;
    for my $path (@_) {
        open my $fh, '<:raw', $path or die "cannot read $path: $!\n";
        local $/;
        my $bytes = <$fh>;
        close $fh;
        push @inputs, \$bytes;
    }
    return \@inputs;
}

# One pass over the inputs, one Sisimai call each; returns the seconds the
# calls took, the files with at least one bounce record, the records, and
# the calls that died (counted, not fatal: one bad file must not end the run).
sub parse_all {
    my ($inputs) = @_;
    my ( $found, $records, $died ) = ( 0, 0, 0 );
    my $start = clock_gettime(CLOCK_MONOTONIC);
    for my $bytes (@$inputs) {
        my $result = eval { Sisimai->make($bytes) };
        if ($@) { $died++; next }
        next unless ref $result eq 'ARRAY' && @$result;
        $found++;
        $records += scalar @$result;
    }
    my $seconds = clock_gettime(CLOCK_MONOTONIC) - $start;
    return ( $seconds, $found, $records, $died );
}

sub size_of {
    my $bytes = 0;
    $bytes += length $$_ for @{ $_[0] };
    return $bytes;
}

if ($serve) {
    print "ready\t", Sisimai->version, "\n";
    my %sets;
    while ( my $line = <STDIN> ) {
        chomp $line;
        my ( $command, $name, @paths ) = split /\t/, $line;
        if ( $command eq 'load' ) {
            $sets{$name} = slurp(@paths);
            printf "loaded\t%s\t%d\t%d\n", $name, scalar @{ $sets{$name} }, size_of( $sets{$name} );
        } elsif ( $command eq 'run' ) {
            my $inputs = $sets{$name} or die "nothing loaded as $name\n";
            my ( $seconds, $found, $records, $died ) = parse_all($inputs);
            printf "run\t%s\t%.9f\t%d\t%d\t%d\t%d\t%d\n", $name, $seconds, $found, $records,
                scalar @$inputs, size_of($inputs), $died;
        } elsif ( $command eq 'quit' ) {
            last;
        } else {
            die "unknown command: $command\n";
        }
    }
    exit 0;
}

my ( $runs, $label ) = ( 5, 'files' );
my @paths;
while (@ARGV) {
    my $arg = shift @ARGV;
    if    ( $arg eq '--runs' )  { $runs  = shift @ARGV }
    elsif ( $arg eq '--label' ) { $label = shift @ARGV }
    else                        { push @paths, $arg }
}
die "usage: perl benches/sisimai.pl [--runs N] [--label NAME] FILE...\n" unless @paths && $runs =~ /\A[1-9][0-9]*\z/;
my $inputs = slurp(@paths);
print "# Sisimai ", Sisimai->version, "; label, seconds, files with a bounce, records, files, bytes, died\n";
parse_all($inputs);    # warm-up: Sisimai loads its MTA modules on first use
for ( 1 .. $runs ) {
    my ( $seconds, $found, $records, $died ) = parse_all($inputs);
    printf "%s\t%.6f\t%d\t%d\t%d\t%d\t%d\n", $label, $seconds, $found, $records, scalar @$inputs, size_of($inputs), $died;
}
