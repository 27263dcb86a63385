from lintnews.cli import run

run()
